import type { ProblemDetail } from '../errors/domain-error.ts';

/**
 * 密码策略 (password policy): at least 10 characters, at least two of letters / digits / symbols, and not
 * containing the login. Length beats composition rules (NIST SP 800-63B), so the bar is kept modest.
 */
export function validatePassword(password: string, login: string, field = 'password'): ProblemDetail[] {
  const classes = [/[A-Za-z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
  const containsLogin = login.length >= 3 && password.toLowerCase().includes(login.toLowerCase());
  if (password.length < 10 || password.length > 128 || classes < 2 || containsLogin) {
    return [{ code: 'PASSWORD_TOO_WEAK', field }];
  }
  return [];
}
