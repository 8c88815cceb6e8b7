import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables, type Executor } from '@ipf/db';

/**
 * The round and one of its banks for the whitelist steps: NOT_FOUND for an unknown round, the round must have
 * released its datasets (WHITELIST_ROUND_NOT_RELEASED) and the bank take part (WHITELIST_BANK_NOT_IN_ROUND).
 */
export async function loadReleasedRoundBank(
  executor: Executor,
  roundId: string,
  bankId: string,
): Promise<{ round: typeof tables.whitelistRounds.$inferSelect; bankId: string }> {
  const { whitelistRounds, whitelistRoundBanks } = tables;
  const [round] = await executor.select().from(whitelistRounds).where(eq(whitelistRounds.id, roundId));
  if (round === undefined) throw new DomainError('NOT_FOUND');
  if (round.state !== 'released')
    throw new DomainError('WHITELIST_ROUND_NOT_RELEASED', { state: round.state });
  const [bank] = await executor
    .select({ id: whitelistRoundBanks.bankOrganisationId })
    .from(whitelistRoundBanks)
    .where(and(eq(whitelistRoundBanks.roundId, roundId), eq(whitelistRoundBanks.bankOrganisationId, bankId)));
  if (bank === undefined) throw new DomainError('WHITELIST_BANK_NOT_IN_ROUND', { bankId });
  return { round, bankId: bank.id };
}
