import { describe, expect, it } from 'vitest';
import { problemFieldName } from './apply-problems-to-form.ts';

describe('problemFieldName', () => {
  it.each([
    ['nameZh', 'nameZh'],
    ['/nameZh', 'nameZh'],
    ['$.nameZh', 'nameZh'],
    ['body.organisationId', 'organisationId'],
    ['/memberships/0/role', 'memberships'],
  ])('maps the JSON path %s onto the form field %s', (field, name) => {
    expect(problemFieldName(field)).toBe(name);
  });

  it('gives no field for a problem about the whole request', () => {
    expect(problemFieldName(undefined)).toBeNull();
    expect(problemFieldName('')).toBeNull();
  });
});
