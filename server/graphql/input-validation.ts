// Inputs are checked by class-validator before any resolver runs; failures answer BAD_USER_INPUT.
//
// type-graphql's own check does the same, but on every argument of every request it requires class-validator again
// (resolving its path and copying its some 200 exports) and asks it for the metadata of classes that declare no
// constraint: a tenth of an agency search's Node CPU (docs/performance.md, change 46).
import { getMetadataStorage, validateOrReject, ValidationError, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError, type ValidatorFn } from 'type-graphql';

const OPTIONS: ValidatorOptions = {
  // An input's omitted optional fields are not checked, as type-graphql does by default.
  skipMissingProperties: true,
  forbidUnknownValues: false,
  validationError: { target: false, value: false },
};

// Classes and their constraints are fixed once the schema is built.
const declaresConstraints = new Map<object, boolean>();

function isConstrained(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false;
  const type = value.constructor as new () => object;
  let known = declaresConstraints.get(type);
  if (known === undefined) {
    known = getMetadataStorage().getTargetValidationMetadatas(type, '', false, false).length > 0;
    declaresConstraints.set(type, known);
  }
  return known;
}

/** type-graphql's `validateFn`: an argument that is an input object, or a list of them, is validated. */
export const validateInput: ValidatorFn = async (value) => {
  const checked = (Array.isArray(value) ? value : [value]).filter(isConstrained);
  if (checked.length === 0) return;
  try {
    await Promise.all(checked.map((item) => validateOrReject(item, OPTIONS)));
  } catch (errors) {
    if (Array.isArray(errors) && errors.every((error) => error instanceof ValidationError)) throw new ArgumentValidationError(errors);
    throw errors;
  }
};
