import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { Context } from '../../graphql/context';
import { uuidOf } from '../../graphql/global-id';
import type { Agency } from '../agency/agency.entity';
import { Document } from '../document/document.entity';
import type { DocumentDraft } from './draft';
import { textOfFile } from './file-text';
import { ImporterService } from './importer.service';
import { AgencyChoiceInput, AgencyMatch, DocumentDraftPreview, DocumentDraftType } from './importer.types';

@Resolver(() => DocumentDraftPreview)
export class ImporterResolver {
  @Query(() => DocumentDraftPreview, { description: 'Reads a pasted document into a draft to review; writes nothing' })
  previewImport(@Arg('text', () => String, { description: 'The whole document, as pasted' }) text: string, @Ctx() { em }: Context) {
    return new ImporterService(em).preview(text);
  }

  @Query(() => DocumentDraftPreview, { description: 'Reads a .txt, .docx or .pdf file into a draft to review; writes nothing' })
  async previewImportFile(
    @Arg('fileName', () => String, { description: 'Its extension says how to read it' }) fileName: string,
    @Arg('contentBase64', () => String) contentBase64: string,
    @Ctx() { em }: Context,
  ) {
    return new ImporterService(em).preview(await textOfFile(fileName, Buffer.from(contentBase64, 'base64')));
  }

  @FieldResolver(() => [AgencyMatch], { description: 'Every body the draft names, and the agency it would be linked to' })
  async agencies(@Root() draft: DocumentDraft, @Ctx() { em, loaders }: Context): Promise<AgencyMatch[]> {
    const matches = await new ImporterService(em).matchAgencies(draft);
    const load = async (uuid: string) => (await loaders.agency.byUuid.load(uuid)) as Agency;
    return Promise.all(
      matches.map(async (match) => ({
        name: match.name,
        agency: match.agency ? await load(match.agency.uuid) : null,
        candidates: await Promise.all(match.candidates.map((candidate) => load(candidate.uuid))),
        proposedName: match.agency ? null : match.proposedName,
      })),
    );
  }

  @FieldResolver(() => Document, { nullable: true, description: 'A document already registered with this symbol and issuer' })
  existingDocument(@Root() draft: DocumentDraft, @Ctx() { em }: Context) {
    return new ImporterService(em).existingDocument(draft);
  }

  @Mutation(() => Document, {
    description: 'Registers a reviewed draft in one transaction; CONFLICT when its symbol is already registered, unless replace',
  })
  commitImport(
    @Arg('draft', () => DocumentDraftType) draft: DocumentDraftType,
    @Arg('replace', () => Boolean, { defaultValue: false }) replace: boolean,
    @Arg('agencies', () => [AgencyChoiceInput], { nullable: true, description: 'Names linked by the reviewer to existing agencies' })
    choices: AgencyChoiceInput[] | undefined,
    @Ctx() { em }: Context,
  ) {
    const agencyChoices = new Map(
      (choices ?? []).map((choice) => [choice.name.trim(), uuidOf(choice.agencyId, 'Agency', 'agencies.agencyId')]),
    );
    return new ImporterService(em).commit(draft, { replace, agencyChoices });
  }
}
