import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';

import { ConnectionArgs, ConnectionType } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { refUuid } from '../../graphql/dataloader';
import { uuidOf, withUuids } from '../../graphql/global-id';
import { Agency } from '../agency/agency.entity';
import { ApiToken, User } from './account.entity';
import { ApiTokenStatus } from './account.enums';
import { ApiTokenFilter, CreateApiTokenInput, CreateUserInput, LoginArgs, UpdateUserInput, UserFilter } from './account.inputs';
import { ApiTokenService, apiTokenStatus, LoginService, UserService } from './account.service';
import { clearedSessionCookie, sessionCookie } from './session';

export const UserConnection = ConnectionType(User, 'User');
export const ApiTokenConnection = ConnectionType(ApiToken, 'ApiToken');

@ObjectType({ description: 'A new API token and its secret, which is shown this once and never again' })
export class CreatedApiToken {
  @Field(() => ApiToken)
  token!: ApiToken;

  @Field(() => String, { description: 'Send it as "Authorization: Bearer <secret>"; only its hash is stored' })
  secret!: string;
}

@Resolver()
export class SessionResolver {
  @Mutation(() => User, {
    description: 'Signs in: the answer sets an HttpOnly session cookie for 8 hours. Five failures in a row lock the account for 5 minutes',
  })
  async login(@Args(() => LoginArgs) { username, password }: LoginArgs, @Ctx() { em, config, setCookie }: Context) {
    const user = await new LoginService(em).login(username, password);
    setCookie(await sessionCookie(user, config));
    return user;
  }

  @Mutation(() => Boolean, { description: "Signs out: clears the session cookie and ends all of the user's sessions" })
  async logout(@Ctx() { em, actor, config, setCookie }: Context) {
    if (actor?.kind === 'USER' && actor.id) await new LoginService(em).endSessions(actor.id);
    setCookie(clearedSessionCookie(config));
    return true;
  }

  @Query(() => User, { nullable: true, description: 'The signed-in user; null when anonymous or calling with an API token' })
  me(@Ctx() { actor, loaders }: Context) {
    return actor?.kind === 'USER' && actor.id ? loaders.account.userByUuid.load(actor.id) : null;
  }
}

@Resolver(() => User)
export class UserResolver {
  @Query(() => UserConnection)
  users(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => UserFilter, { nullable: true }) filter: UserFilter | undefined,
    @Ctx() { em }: Context,
  ) {
    return new UserService(em).list(filter && withUuids(filter, { agencyId: 'Agency' }), page);
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The agency a REPORTER reports for' })
  agency(@Root() user: User, @Ctx() { loaders }: Context) {
    const uuid = refUuid(user.agency);
    return uuid ? loaders.agency.byUuid.load(uuid) : null;
  }

  @Mutation(() => User)
  createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() { em }: Context) {
    return new UserService(em).create(withUuids(input, { agencyId: 'Agency' }));
  }

  @Mutation(() => User, { description: 'Role, agency, active, display name, or a new password' })
  updateUser(@Arg('input', () => UpdateUserInput) input: UpdateUserInput, @Ctx() { em }: Context) {
    return new UserService(em).update(withUuids(input, { id: 'User', agencyId: 'Agency' }));
  }
}

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Query(() => ApiTokenConnection, { description: 'Newest first' })
  apiTokens(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => ApiTokenFilter, { nullable: true }) filter: ApiTokenFilter | undefined,
    @Ctx() { em }: Context,
  ) {
    return new ApiTokenService(em).list(filter, page);
  }

  @FieldResolver(() => ApiTokenStatus)
  status(@Root() token: ApiToken) {
    return apiTokenStatus(token);
  }

  @FieldResolver(() => User, { nullable: true })
  createdBy(@Root() token: ApiToken, @Ctx() { loaders }: Context) {
    const uuid = refUuid(token.createdBy);
    return uuid ? loaders.account.userByUuid.load(uuid) : null;
  }

  @Mutation(() => CreatedApiToken, { description: 'An INTEGRATOR token; the answer holds its secret, which cannot be read again' })
  createApiToken(@Arg('input', () => CreateApiTokenInput) input: CreateApiTokenInput, @Ctx() { em, actor }: Context) {
    return new ApiTokenService(em).create(input, actor?.kind === 'USER' ? actor.id : null);
  }

  @Mutation(() => ApiToken, { description: 'Refuses the token from now on' })
  revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() { em }: Context) {
    return new ApiTokenService(em).revoke(uuidOf(id, 'ApiToken', 'id'));
  }
}
