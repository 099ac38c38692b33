import { IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { DateTimeResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';

import { ApiTokenStatus } from './account.enums';
import { Role } from './actor';

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{2,49}$/;
const USERNAME_MESSAGE = 'username must be 3 to 50 letters, digits, dots, dashes or underscores, starting with a letter or digit';
const PASSWORD_MESSAGE = 'password must be 8 to 200 characters long';

@ArgsType()
export class LoginArgs {
  @Field(() => String)
  @MaxLength(200)
  username!: string;

  @Field(() => String)
  @MaxLength(1000)
  password!: string;
}

@InputType({ description: 'A new console user; a REPORTER needs the agency it reports for' })
export class CreateUserInput {
  @Field(() => String, { description: 'Stored in lower case' })
  @Matches(USERNAME, { message: USERNAME_MESSAGE })
  username!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  displayName?: string | null;

  @Field(() => String, { description: 'At least 8 characters' })
  @Length(8, 200, { message: PASSWORD_MESSAGE })
  password!: string;

  @Field(() => Role, { description: 'ADMIN, EDITOR, AUDITOR or REPORTER (INTEGRATOR is for API tokens)' })
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'Required for a REPORTER, refused for the other roles' })
  agencyId?: string | null;
}

@InputType()
export class UpdateUserInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  displayName?: string | null;

  @Field(() => Role, { nullable: true, description: 'Leaving REPORTER drops the agency' })
  role?: Role;

  @Field(() => ID, { nullable: true, description: 'The agency of a REPORTER' })
  agencyId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'false ends the user’s sessions and refuses its logins' })
  active?: boolean;

  @Field(() => String, { nullable: true, description: 'A new password: ends the user’s sessions and lifts a lock' })
  @IsOptional()
  @Length(8, 200, { message: PASSWORD_MESSAGE })
  password?: string;
}

@InputType()
export class UserFilter {
  @Field(() => [Role], { nullable: true })
  role?: Role[];

  @Field(() => ID, { nullable: true })
  agencyId?: string;

  @Field(() => Boolean, { nullable: true })
  active?: boolean;

  @Field(() => String, { nullable: true, description: 'Part of the username or display name' })
  @IsOptional()
  @Length(1, 200)
  search?: string;
}

@InputType()
export class CreateApiTokenInput {
  @Field(() => String, { description: 'Who or what will use it' })
  @Length(1, 200)
  name!: string;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it stops working; none for never' })
  expiresAt?: Date | null;
}

@InputType()
export class ApiTokenFilter {
  @Field(() => [ApiTokenStatus], { nullable: true })
  status?: ApiTokenStatus[];
}
