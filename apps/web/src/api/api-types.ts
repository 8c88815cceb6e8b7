/**
 * Wire shapes of the API used by the web app, taken from the same TypeBox contracts that validate requests on
 * the server and generate the OpenAPI document (design.md rule 4). Input types stay looser where forms build
 * them field by field.
 */
import type {
  AuthResult,
  EnrolmentDto,
  EnterpriseDetailDto,
  EnterpriseSummaryDto,
  OrganisationDto,
  ProblemItem as ProblemItemDto,
  SessionInfo,
  SessionStatusDto,
  UserDto,
} from '@ipf/contracts';

export type AuthStatus = SessionStatusDto;
export type AuthResponse = AuthResult;
export type EnrolmentResponse = EnrolmentDto;
export type Session = SessionInfo;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type Organisation = OrganisationDto;

export interface CreateOrganisationInput {
  kind: string;
  nameZh: string;
  nameEn: string;
  parentId?: string;
  bankLevel?: string;
  district?: string;
}

export type User = UserDto;
export type UserStatus = User['status'];
export type Membership = User['memberships'][number];

export interface CreateUserInput {
  login: string;
  displayName: string;
  password: string;
  organisationId: string;
  role: string;
}

export type EnterpriseSummary = EnterpriseSummaryDto;
export type EnterpriseDetail = EnterpriseDetailDto;

/** One entry of a problem list (design.md "Errors"). */
export type ProblemItem = ProblemItemDto;

/** RFC 9457 problem+json body as the server sends it. */
export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  requestId?: string;
  problems?: ProblemItem[];
}
