import { isApiProblem } from './api-problem.ts';
import { apiRequest } from './api-request.ts';
import type { AuthResponse, EnrolmentResponse, Session } from './api-types.ts';
import { csrfToken } from './csrf-token.ts';

async function remember<T extends { csrfToken: string }>(answer: Promise<T>): Promise<T> {
  const result = await answer;
  csrfToken.set(result.csrfToken);
  return result;
}

/** Log-in, second factor, enrolment, session and log-out (issue 2 item 5). */
export const authApi = {
  login(input: { login: string; password: string }): Promise<AuthResponse> {
    return remember(apiRequest<AuthResponse>('/auth/login', { method: 'POST', body: input }));
  },

  submitSecondFactor(code: string): Promise<AuthResponse> {
    return remember(apiRequest<AuthResponse>('/auth/second-factor', { method: 'POST', body: { code } }));
  },

  getEnrolment(): Promise<EnrolmentResponse> {
    return apiRequest<EnrolmentResponse>('/auth/enrolment');
  },

  completeEnrolment(code: string): Promise<AuthResponse> {
    return remember(apiRequest<AuthResponse>('/auth/enrolment', { method: 'POST', body: { code } }));
  },

  async logout(): Promise<void> {
    await apiRequest<undefined>('/auth/logout', { method: 'POST' });
    csrfToken.set(null);
  },

  /** The signed-in session, or null when the server answers 401 (not signed in or expired). */
  async findSession(): Promise<Session | null> {
    try {
      return await remember(apiRequest<Session>('/auth/session'));
    } catch (error) {
      if (isApiProblem(error, 401)) return null;
      throw error;
    }
  },
};
