import { DomainError } from '@ipf/domain/errors';
import { formatYuan } from '@ipf/domain/money';
import type { ClaimRole } from '@ipf/domain/risk-sharing';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { chooseDispositionPath } from '../risk-sharing/choose-disposition-path.ts';
import { closeDisposition } from '../risk-sharing/close-disposition.ts';
import { decideRiskClaim } from '../risk-sharing/decide-risk-claim.ts';
import { distributeDispositionProceeds } from '../risk-sharing/distribute-disposition-proceeds.ts';
import { fileRiskClaim } from '../risk-sharing/file-risk-claim.ts';
import { openDisposition } from '../risk-sharing/open-disposition.ts';
import { payRiskClaim } from '../risk-sharing/pay-risk-claim.ts';
import { recordDispositionCost } from '../risk-sharing/record-disposition-cost.ts';
import { recordDispositionProceeds } from '../risk-sharing/record-disposition-proceeds.ts';
import { reviewRiskClaim } from '../risk-sharing/review-risk-claim.ts';
import type { DemoActors } from './demo-actors.ts';

/** The payers of a demo case besides the pool: its guarantor (with the city re-guarantee fund) or its insurer. */
export interface DemoCasePayers {
  /** `guarantor1` / `guarantor2` for a plus_guarantee case. */
  readonly guarantorKey?: string;
  /** `insurer1` / `insurer2` for a plus_insurance case. */
  readonly insurerKey?: string;
}

/** The demo log-in of the pool that pays a claim (the loan's district pool, else the city pool). */
function poolLoginOf(actors: DemoActors, payerOrganisationId: string): string {
  return actors.byLogin('pool.pingshan').organisationId === payerOrganisationId
    ? 'pool.pingshan'
    : 'pool.city';
}

/**
 * One claim through the whole maker-checker workflow: filed by `claimant`, reviewed by the payer's user (the
 * maker), approved by the payer's second user (复核岗, the checker), paid by the maker. A payer whose layer of the
 * loss is nothing (CLAIM_AMOUNT_ZERO) is skipped.
 */
async function settleDemoClaim(
  caseId: string,
  payerRole: ClaimRole,
  claimant: Actor,
  payerLogin: (payerOrganisationId: string) => string,
  actors: DemoActors,
  deps: AppDeps,
): Promise<void> {
  let claim;
  try {
    claim = await fileRiskClaim(
      {
        caseId,
        payerRole,
        externalDocuments: [{ name: '逾期催收通知书及不良认定材料', ref: `CS-${caseId.slice(0, 8)}` }],
        note: '演示：贷款认定不良，按分险协议申请',
      },
      claimant,
      deps,
    );
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CLAIM_AMOUNT_ZERO') return;
    throw error;
  }
  const login = payerLogin(claim.payerOrganisationId);
  const maker = actors.byLogin(login);
  const checker = actors.byLogin(login.replace(/\.user$/, '') + '.checker');
  await reviewRiskClaim({ id: claim.id, note: '材料齐全，损失金额与台账一致' }, maker, deps);
  await decideRiskClaim({ id: claim.id, decision: 'approve' }, checker, deps);
  await payRiskClaim({ id: claim.id, reference: `ZF-${claim.claimNumber}` }, maker, deps);
}

/**
 * 演示代偿与补偿 (the demo's claims on a defaulted case): the guarantor's 代偿 and then the city re-guarantee
 * fund's share of it (filed by the guarantor), or the insurer's 保证保险 claim, then the pool's 补偿 — each filed,
 * reviewed, approved by a second user of the payer and paid, so every party's layer of the loss is on the ledger.
 */
export async function settleDemoClaims(
  caseId: string,
  payers: DemoCasePayers,
  clerk: Actor,
  actors: DemoActors,
  deps: AppDeps,
): Promise<void> {
  if (payers.guarantorKey !== undefined) {
    const guarantorLogin = `${payers.guarantorKey}.user`;
    await settleDemoClaim(caseId, 'guarantor', clerk, () => guarantorLogin, actors, deps);
    const guarantor = actors.byLogin(guarantorLogin);
    await settleDemoClaim(caseId, 're_guarantor', guarantor, () => 'reguarantor.user', actors, deps);
  }
  if (payers.insurerKey !== undefined) {
    const insurerLogin = `${payers.insurerKey}.user`;
    await settleDemoClaim(caseId, 'insurer', clerk, () => insurerLogin, actors, deps);
  }
  await settleDemoClaim(caseId, 'pool', clerk, (org) => poolLoginOf(actors, org), actors, deps);
}

/** The venue of the demo auctions (a demo organisation of kind `trading_centre`). */
export const DEMO_TRADING_CENTRE = '科技成果与知识产权交易中心（演示）';

/**
 * 演示拍卖处置 (the demo's disposition by auction, opened on a case whose claims are paid): listed on the trading
 * centre, the costs (evaluation, auction commission, legal) recorded, the hammer price (35% of the principal and
 * a fen) paid by `buyerName`, the net distributed by the bank approver at the ratios fixed at opening, and the
 * case closed — the pledge registration cancelled and the patent passed to the buyer.
 */
export async function auctionDemoDisposition(
  input: { readonly caseId: string; readonly principalFen: bigint; readonly buyerName: string },
  clerk: Actor,
  approver: Actor,
  deps: AppDeps,
): Promise<void> {
  const opened = await openDisposition(
    {
      caseId: input.caseId,
      appraisedValueYuan: formatYuan(input.principalFen * 2n),
      note: '质押专利拟在交易中心挂牌拍卖',
    },
    clerk,
    deps,
  );
  const { id } = opened;
  await chooseDispositionPath(
    { id, path: 'auction', counterpartyName: DEMO_TRADING_CENTRE, note: '挂牌拍卖', start: true },
    clerk,
    deps,
  );
  for (const [kind, amountYuan] of [
    ['evaluation', '8000.00'],
    ['auction_fee', '12000.00'],
    ['legal', '5000.00'],
  ] as const)
    await recordDispositionCost({ id, kind, amountYuan }, clerk, deps);
  const hammerFen = (input.principalFen * 35n) / 100n + 1n;
  await recordDispositionProceeds(
    {
      id,
      kind: 'auction',
      amountYuan: formatYuan(hammerFen),
      reference: `CJ-${id.slice(0, 8).toUpperCase()}`,
      payerName: input.buyerName,
      bids: [
        { bidder: '竞买人 A', amountYuan: formatYuan(hammerFen - 20_000_00n) },
        { bidder: input.buyerName, amountYuan: formatYuan(hammerFen) },
      ],
    },
    clerk,
    deps,
  );
  await distributeDispositionProceeds({ id }, approver, deps);
  await closeDisposition({ id, note: '著录项目变更完成' }, clerk, deps);
}
