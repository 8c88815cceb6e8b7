import { DomainError } from '../errors/index.ts';
import thresholdData from './classification-thresholds-2023.json' with { type: 'json' };

/** 五级分类 (five-category loan grade): 正常 关注 次级 可疑 损失, from best to worst. */
export type LoanGrade = 'normal' | 'special_mention' | 'substandard' | 'doubtful' | 'loss';

/** The grades from best to worst. */
export const LOAN_GRADES: readonly LoanGrade[] = [
  'normal',
  'special_mention',
  'substandard',
  'doubtful',
  'loss',
];

/** Chinese names of the grades. */
export const LOAN_GRADE_NAMES_ZH: Readonly<Record<LoanGrade, string>> = {
  normal: '正常',
  special_mention: '关注',
  substandard: '次级',
  doubtful: '可疑',
  loss: '损失',
};

/** 分类阈值 (classification floors): a grade applies at least when days past due exceed `daysPastDueOver`. */
export interface ClassificationThresholds {
  readonly source?: string;
  readonly effectiveDate?: string;
  readonly floors: readonly { readonly grade: LoanGrade; readonly daysPastDueOver: number }[];
}

function isLoanGrade(value: string): value is LoanGrade {
  return (LOAN_GRADES as readonly string[]).includes(value);
}

/**
 * 分类阈值校验 (build classification thresholds) from data: grades known, days ascending with the grades.
 * @throws DomainError('CLASSIFICATION_THRESHOLDS_INVALID')
 */
export function createClassificationThresholds(data: {
  readonly source?: string;
  readonly effectiveDate?: string;
  readonly floors: readonly { readonly grade: string; readonly daysPastDueOver: number }[];
}): ClassificationThresholds {
  let previousDays = -1;
  let previousRank = 0;
  const floors = data.floors.map((floor) => {
    if (!isLoanGrade(floor.grade))
      throw new DomainError('CLASSIFICATION_THRESHOLDS_INVALID', { detail: `unknown grade ${floor.grade}` });
    const rank = LOAN_GRADES.indexOf(floor.grade);
    if (floor.daysPastDueOver <= previousDays || rank <= previousRank) {
      throw new DomainError('CLASSIFICATION_THRESHOLDS_INVALID', {
        detail: `${floor.grade} after ${LOAN_GRADES[previousRank] ?? ''} must have more days`,
      });
    }
    previousDays = floor.daysPastDueOver;
    previousRank = rank;
    return { grade: floor.grade, daysPastDueOver: floor.daysPastDueOver };
  });
  return {
    ...(data.source === undefined ? {} : { source: data.source }),
    ...(data.effectiveDate === undefined ? {} : { effectiveDate: data.effectiveDate }),
    floors,
  };
}

/** The 2023 thresholds (`classification-thresholds-2023.json`): > 0 关注, > 90 次级, > 270 可疑, > 360 损失. */
export const CLASSIFICATION_THRESHOLDS_2023: ClassificationThresholds =
  createClassificationThresholds(thresholdData);

/** 孰差 (the worse of grades): the worst grade of a list; `normal` for an empty list. */
export function worstGrade(grades: readonly LoanGrade[]): LoanGrade {
  let worst = 0;
  for (const grade of grades) worst = Math.max(worst, LOAN_GRADES.indexOf(grade));
  return LOAN_GRADES[worst] ?? 'normal';
}

/** Input of {@link classifyLoan}. */
export interface ClassifyLoanInput {
  readonly daysPastDue: number;
  /** 重组贷款 in its observation period (e.g. an extension for a borrower in difficulty): at least 关注. */
  readonly restructured?: boolean;
  /** The credit officer's grade, which may be worse than the floor but never better. */
  readonly officerGrade?: LoanGrade;
  readonly thresholds?: ClassificationThresholds;
}

/**
 * 五级分类 (classify a loan): the worst of the days-past-due floor, 关注 for a restructured loan, and the
 * officer's grade. 2023 floors: overdue at all → 关注, > 90 days → 次级, > 270 → 可疑, > 360 → 损失.
 * Source: 《商业银行金融资产风险分类办法》(2023), as summarised in domain-reference.md; thresholds are data.
 */
export function classifyLoan(input: ClassifyLoanInput): LoanGrade {
  const thresholds = input.thresholds ?? CLASSIFICATION_THRESHOLDS_2023;
  const grades: LoanGrade[] = ['normal'];
  for (const floor of thresholds.floors)
    if (input.daysPastDue > floor.daysPastDueOver) grades.push(floor.grade);
  if (input.restructured === true) grades.push('special_mention');
  if (input.officerGrade !== undefined) grades.push(input.officerGrade);
  return worstGrade(grades);
}

/**
 * 借款人分类 (borrower-level grade): for a non-retail borrower all its loans at one bank take the worst grade
 * among them. Source: 《商业银行金融资产风险分类办法》(2023), non-retail borrowers.
 */
export function classifyBorrower(loans: readonly ClassifyLoanInput[]): LoanGrade {
  return worstGrade(loans.map(classifyLoan));
}

/** 不良贷款 (non-performing loan): 次级, 可疑 and 损失. */
export function isNonPerforming(grade: LoanGrade): boolean {
  return LOAN_GRADES.indexOf(grade) >= LOAN_GRADES.indexOf('substandard');
}
