/** A user as administrators see it; never the password hash or TOTP secret. */
export interface UserView {
  readonly id: string;
  readonly login: string;
  readonly displayName: string;
  readonly status: 'active' | 'disabled' | 'locked';
  readonly secondFactorEnrolled: boolean;
  readonly memberships: {
    organisationId: string;
    organisationNameZh: string;
    organisationNameEn: string;
    role: string;
  }[];
  readonly createdAt: string;
}
