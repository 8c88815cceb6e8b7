/**
 * Wire shapes of the API used by the web app (issue 2 item 9). They mirror the server's schemas; when
 * `@ipf/contracts` exports the same types, these aliases should point at it instead.
 */

export type AuthStatus = 'authenticated' | 'second_factor_required' | 'enrolment_required';

export interface AuthResponse {
  status: AuthStatus;
  csrfToken: string;
}

export interface EnrolmentResponse {
  otpauthUrl: string;
  qrSvg: string;
}

export interface Session {
  status: AuthStatus;
  csrfToken: string;
  user: { id: string; login: string; displayName: string };
  organisation: { id: string; kind: string; nameZh: string; nameEn: string };
  role: string;
  permissions: string[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Organisation {
  id: string;
  kind: string;
  nameZh: string;
  nameEn: string;
  parentId: string | null;
  bankLevel: string | null;
  district: string | null;
  uscc: string | null;
  createdAt: string;
}

export interface CreateOrganisationInput {
  kind: string;
  nameZh: string;
  nameEn: string;
  parentId?: string;
  bankLevel?: string;
  district?: string;
}

export type UserStatus = 'active' | 'disabled' | 'locked';

export interface Membership {
  organisationId: string;
  organisationNameZh: string;
  organisationNameEn: string;
  role: string;
}

export interface User {
  id: string;
  login: string;
  displayName: string;
  status: UserStatus;
  secondFactorEnrolled: boolean;
  memberships: Membership[];
  createdAt: string;
}

export interface CreateUserInput {
  login: string;
  displayName: string;
  password: string;
  organisationId: string;
  role: string;
}

export interface EnterpriseSummary {
  id: string;
  name: string;
  uscc: string;
  district: string;
  cluster: string;
  sizeClass: string;
  highTech: boolean;
  specialised: boolean;
  firstLoan: boolean;
  preIpo: boolean;
  park: string | null;
}

export interface EnterpriseDetail extends EnterpriseSummary {
  foundedOn: string | null;
  employees: number | null;
  registeredCapitalYuan: string | null;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
}

/** One entry of a problem list (design.md "Errors"). */
export interface ProblemItem {
  code: string;
  field?: string;
  message: string;
}

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
