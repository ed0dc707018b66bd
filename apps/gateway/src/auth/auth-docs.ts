import { applyDecorators } from '@nestjs/common';
import {
  ApiBody,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ROLES } from '#platform';
import { errorSchema } from '../docs/error-schema.js';
import { MAX_TOKEN_DAYS } from './auth-bodies.js';

const ME_SCHEMA = {
  type: 'object',
  properties: {
    mode: { type: 'string', enum: ['demo', 'signed-in'] },
    name: { type: 'string', example: 'claire.marseille' },
    role: { type: 'string', enum: [...ROLES] },
    cities: { type: 'array', items: { type: 'string' }, example: ['Marseille'] },
    via: { type: 'string', enum: ['session', 'token', 'api-key', 'demo'] },
  },
};

const TOKEN_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'string', example: '9f3c2a1b0d4e5f60' },
    name: { type: 'string', example: 'import-nocturne-lyon' },
    role: { type: 'string', enum: [...ROLES] },
    cities: { type: 'array', items: { type: 'string' }, example: ['Lyon'] },
    createdAt: { type: 'string', format: 'date-time' },
    createdBy: { type: 'string', example: 'admin' },
    expiresAt: { type: 'string', format: 'date-time' },
    revokedAt: { type: 'string', format: 'date-time', nullable: true },
  },
};

const UNAUTHENTICATED = ApiUnauthorizedResponse({
  description: 'UNAUTHENTICATED: no credential, or one unknown, expired or revoked.',
  schema: errorSchema(
    401,
    'UNAUTHENTICATED',
    'sign in first (POST /auth/login), or send Authorization: Bearer <token>',
  ),
});

const ADMIN_ONLY = ApiForbiddenResponse({
  description: 'FORBIDDEN: the credential is not an admin.',
  schema: errorSchema(
    403,
    'FORBIDDEN',
    'claire.marseille (manager) may not do this: it is for admins',
  ),
});

export const LoginDocs = (): MethodDecorator =>
  applyDecorators(
    ApiOperation({
      summary: 'Sign in: a session cookie for the dashboard',
      description:
        'Sets the HttpOnly, SameSite=Strict cookie `ac_session` (Secure over HTTPS), a new one at each sign-in. After 5 failures for a name or from a client, each further try waits 1, 2, 4 … 60 s (429 TOO_MANY_ATTEMPTS); the answers never say whether the name exists.',
    }),
    ApiBody({
      schema: {
        type: 'object',
        required: ['username', 'password'],
        properties: {
          username: { type: 'string' },
          password: { type: 'string', format: 'password' },
        },
      },
    }),
    ApiOkResponse({ description: 'Signed in.', schema: ME_SCHEMA }),
    ApiUnauthorizedResponse({
      description: 'UNAUTHENTICATED: unknown user or wrong password (the same answer for both).',
      schema: errorSchema(401, 'UNAUTHENTICATED', 'unknown user or wrong password'),
    }),
    ApiTooManyRequestsResponse({
      description: 'TOO_MANY_ATTEMPTS: wait `retryAfterSeconds` (also in Retry-After).',
      schema: errorSchema(429, 'TOO_MANY_ATTEMPTS', 'too many failed sign-ins: try again in 4 s', {
        retryAfterSeconds: 4,
      }),
    }),
  );

export const LogoutDocs = (): MethodDecorator =>
  applyDecorators(
    ApiOperation({ summary: 'Sign out: the session ends, its cookie is worth nothing from now' }),
    ApiNoContentResponse({ description: 'Signed out (or was not signed in).' }),
  );

export const MeDocs = (): MethodDecorator =>
  applyDecorators(
    ApiOperation({ summary: 'Who the caller is, and which cities they see' }),
    ApiOkResponse({ description: 'The caller.', schema: ME_SCHEMA }),
    UNAUTHENTICATED,
  );

export const TokenCreateDocs = (): MethodDecorator =>
  applyDecorators(
    ApiOperation({
      summary: 'Create an API token (admins)',
      description: `The answer's \`token\` is shown once and never again (only its SHA-256 is kept). Use it as \`Authorization: Bearer <token>\`. \`expiresInDays\`: 1 to ${MAX_TOKEN_DAYS}, 90 by default; \`cities\` is needed for manager and importer.`,
    }),
    ApiBody({
      schema: {
        type: 'object',
        required: ['role'],
        properties: {
          name: { type: 'string', example: 'import-nocturne-lyon' },
          role: { type: 'string', enum: [...ROLES], example: 'importer' },
          cities: { type: 'array', items: { type: 'string' }, example: ['Lyon'] },
          expiresInDays: { type: 'integer', example: 90 },
        },
      },
    }),
    ApiOkResponse({
      description: 'The token, once.',
      schema: {
        ...TOKEN_SCHEMA,
        properties: {
          ...TOKEN_SCHEMA.properties,
          token: { type: 'string', example: 'act_9f3c2a1b0d4e5f60_…' },
        },
      },
    }),
    UNAUTHENTICATED,
    ADMIN_ONLY,
  );

export const TokenListDocs = (): MethodDecorator =>
  applyDecorators(
    ApiOperation({ summary: 'The API tokens, revoked and expired ones too (admins)' }),
    ApiOkResponse({
      description: 'Every token, without its secret.',
      schema: { type: 'array', items: TOKEN_SCHEMA },
    }),
    UNAUTHENTICATED,
    ADMIN_ONLY,
  );

export const TokenRevokeDocs = (): MethodDecorator =>
  applyDecorators(
    ApiOperation({ summary: 'Revoke an API token (admins): refused from the next request on' }),
    ApiOkResponse({ description: 'The token, revoked.', schema: TOKEN_SCHEMA }),
    ApiNotFoundResponse({
      description: 'TOKEN_NOT_FOUND',
      schema: errorSchema(404, 'TOKEN_NOT_FOUND', 'no token "9f3c2a1b0d4e5f60"'),
    }),
    UNAUTHENTICATED,
    ADMIN_ONLY,
  );

/** What a read of city data may also answer: no credential, or a city the credential may not see. */
export const ReadDocs = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    UNAUTHENTICATED,
    ApiForbiddenResponse({
      description: 'FORBIDDEN_CITY: a city named that the credential may not read.',
      schema: errorSchema(
        403,
        'FORBIDDEN_CITY',
        'claire (manager) may not read Paris: readable cities: Marseille',
        { cities: ['Paris'] },
      ),
    }),
  );
