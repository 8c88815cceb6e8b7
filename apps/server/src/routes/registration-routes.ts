import { Type } from '@sinclair/typebox';
import {
  IdParams,
  PledgeRegistration,
  RegistrationCancellationBody,
  RegistrationChangeBody,
  RegistrationCorrectionBody,
  RegistrationExtensionBody,
  RegistrationStatistics,
  SubmitRegistrationBody,
} from '@ipf/contracts';
import {
  getCaseRegistrations,
  getRegistrationStatistics,
  requestRegistrationCancellation,
  requestRegistrationChange,
  requestRegistrationExtension,
  submitPledgeRegistration,
  submitRegistrationCorrection,
  type AppDeps,
} from '@ipf/app';
import { parseYuan } from '@ipf/domain/money';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';

const tags = ['registration'];

/** Drops undefined keys (exactOptionalPropertyTypes). */
function defined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;
}

export function registerRegistrationRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/cases/:id/registrations',
    {
      config: { operation: 'registration.read' },
      schema: {
        tags,
        summary: '案件质押登记',
        params: IdParams,
        response: { 200: Type.Array(PledgeRegistration), ...problemResponses },
      },
    },
    async (request) => getCaseRegistrations(request.params.id, actorOf(request), deps),
  );
  app.post(
    '/api/cases/:id/registrations',
    {
      config: { operation: 'registration.submit' },
      schema: {
        tags,
        summary: '提交质押登记（在线、无纸化）',
        params: IdParams,
        body: SubmitRegistrationBody,
        response: { 200: Type.Array(PledgeRegistration), ...problemResponses },
      },
    },
    async (request) => {
      const { version, ...statements } = request.body;
      return submitPledgeRegistration(
        {
          caseId: request.params.id,
          ...defined(statements),
          ...(version === undefined ? {} : { expectedVersion: version }),
        },
        actorOf(request),
        deps,
      );
    },
  );
  app.post(
    '/api/registrations/:id/correction',
    {
      config: { operation: 'registration.submit' },
      schema: {
        tags,
        summary: '提交补正',
        params: IdParams,
        body: RegistrationCorrectionBody,
        response: { 200: PledgeRegistration, ...problemResponses },
      },
    },
    async (request) =>
      submitRegistrationCorrection(
        { registrationId: request.params.id, ...defined(request.body) },
        actorOf(request),
        deps,
      ),
  );
  app.post(
    '/api/registrations/:id/change',
    {
      config: { operation: 'registration.submit' },
      schema: {
        tags,
        summary: '变更登记',
        params: IdParams,
        body: RegistrationChangeBody,
        response: { 200: PledgeRegistration, ...problemResponses },
      },
    },
    async (request) => {
      const { securedAmountYuan, ...rest } = request.body;
      return requestRegistrationChange(
        {
          registrationId: request.params.id,
          changes: defined({
            ...rest,
            securedAmountFen: securedAmountYuan === undefined ? undefined : parseYuan(securedAmountYuan),
          }),
        },
        actorOf(request),
        deps,
      );
    },
  );
  app.post(
    '/api/registrations/:id/extension',
    {
      config: { operation: 'registration.submit' },
      schema: {
        tags,
        summary: '延期登记（商标）',
        params: IdParams,
        body: RegistrationExtensionBody,
        response: { 200: PledgeRegistration, ...problemResponses },
      },
    },
    async (request) =>
      requestRegistrationExtension(
        { registrationId: request.params.id, newPeriodEndDate: request.body.newPeriodEndDate },
        actorOf(request),
        deps,
      ),
  );
  app.post(
    '/api/registrations/:id/cancellation',
    {
      config: { operation: 'registration.submit' },
      schema: {
        tags,
        summary: '注销登记',
        params: IdParams,
        body: RegistrationCancellationBody,
        response: { 200: PledgeRegistration, ...problemResponses },
      },
    },
    async (request) =>
      requestRegistrationCancellation(
        { registrationId: request.params.id, reason: request.body.reason },
        actorOf(request),
        deps,
      ),
  );
  app.get(
    '/api/registration-statistics',
    {
      config: { operation: 'registration.statistics' },
      schema: {
        tags,
        summary: '质押登记统计（线上办理占比、办理工作日）',
        response: { 200: RegistrationStatistics, ...problemResponses },
      },
    },
    async (request) => getRegistrationStatistics(actorOf(request), deps),
  );
}
