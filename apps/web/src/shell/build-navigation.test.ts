import { describe, expect, it } from 'vitest';
import { buildNavigation } from './build-navigation.ts';

const t = (key: string) => key;
const paths = (role: string, permissions: string[]) =>
  buildNavigation(role, permissions, t).flatMap((g) => g.entries.map((e) => e.path));

describe('buildNavigation', () => {
  it('shows a platform administrator organisations and users but no enterprise list without the permission', () => {
    expect(paths('platform_admin', ['organisation.list', 'user.list', 'user.create'])).toEqual([
      '/',
      '/organisations',
      '/users',
    ]);
  });

  it('shows a bank clerk its customer enterprises and no administration', () => {
    const groups = buildNavigation('bank_clerk', ['enterprise.list', 'enterprise.read'], t);
    expect(groups.map((g) => g.key)).toEqual(['workspace', 'business']);
    expect(groups[1]?.entries[0]).toEqual({
      path: '/enterprises',
      label: 'nav.customerEnterprises',
      icon: 'enterprise',
    });
  });

  it('names the enterprise list after the district for a district bureau', () => {
    expect(buildNavigation('district_bureau', ['enterprise.list'], t)[1]?.entries[0]?.label).toBe(
      'nav.districtEnterprises',
    );
  });

  it('offers the IP registry to whoever may list assets, named "my IP" for an enterprise', () => {
    expect(paths('bank_clerk', ['enterprise.list', 'ip_asset.list'])).toEqual([
      '/',
      '/enterprises',
      '/ip-assets',
    ]);
    const entry = buildNavigation('enterprise_user', ['ip_asset.list'], t)[1]?.entries[0];
    expect(entry).toEqual({ path: '/ip-assets', label: 'nav.ownIpAssets', icon: 'ipAsset' });
  });

  it('names the ledger "my financing" for an enterprise and adds the work queue for bank staff only', () => {
    const enterprise = buildNavigation('enterprise_user', ['case.list', 'case.apply'], t);
    expect(enterprise[1]?.entries).toEqual([{ path: '/cases', label: 'nav.ownCases', icon: 'case' }]);
    expect(paths('bank_clerk', ['case.list', 'case.work_queue'])).toEqual(['/', '/cases', '/cases/queue']);
    expect(paths('city_bureau', ['case.list', 'enterprise.list'])).toEqual(['/', '/enterprises', '/cases']);
    expect(buildNavigation('city_bureau', ['case.list'], t)[1]?.entries[0]?.label).toBe('nav.cases');
  });

  it('offers the ledger dashboard in the workspace to whoever may read it', () => {
    expect(paths('city_bureau', ['case.list', 'dashboard.ledger'])).toEqual(['/', '/dashboard', '/cases']);
    expect(buildNavigation('bank_approver', ['dashboard.ledger'], t)[0]?.entries[1]).toEqual({
      path: '/dashboard',
      label: 'dashboard.nav',
      icon: 'dashboard',
    });
  });

  it('offers an enterprise its consents (我的授权) when it may list them, and nobody else', () => {
    expect(paths('enterprise_user', ['case.list', 'consent.list', 'consent.revoke'])).toEqual([
      '/',
      '/cases',
      '/consents',
    ]);
    expect(buildNavigation('enterprise_user', ['consent.list'], t)[1]?.entries[0]).toEqual({
      path: '/consents',
      label: 'consents.nav',
      icon: 'consent',
    });
    expect(paths('bank_clerk', ['case.list'])).not.toContain('/consents');
  });

  it('offers compliance flags to whoever may list them, named "my compliance flags" for an enterprise', () => {
    const entry = (role: string) =>
      buildNavigation(role, ['compliance_flag.list'], t)
        .flatMap((g) => g.entries)
        .find((e) => e.path === '/compliance-flags');
    expect(entry('city_bureau')?.label).toBe('compliance.nav');
    expect(entry('enterprise_user')?.label).toBe('compliance.navMine');
    expect(paths('bank_clerk', ['whitelist_lead.list'])).not.toContain('/compliance-flags');
  });

  it('always offers the home page, even with no permissions', () => {
    expect(paths('expert', [])).toEqual(['/']);
  });
});
