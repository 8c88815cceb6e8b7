type Translate = (key: string) => string;

/** Tag colour of an instalment: paid green, due or part-paid blue/gold, overdue red, replaced grey. */
function installmentStatusColor(status: string): string {
  switch (status) {
    case 'paid':
      return 'green';
    case 'due':
      return 'blue';
    case 'partially_paid':
      return 'gold';
    case 'overdue':
      return 'red';
    default:
      return 'default';
  }
}

/** 还款计划状态 (instalment status) in words. */
function installmentStatus(status: string, t: Translate): string {
  switch (status) {
    case 'scheduled':
      return t('loan.installmentStatus.scheduled');
    case 'due':
      return t('loan.installmentStatus.due');
    case 'partially_paid':
      return t('loan.installmentStatus.partially_paid');
    case 'overdue':
      return t('loan.installmentStatus.overdue');
    case 'paid':
      return t('loan.installmentStatus.paid');
    case 'superseded':
      return t('loan.installmentStatus.superseded');
    default:
      return status;
  }
}

/**
 * 五级分类 (five-category grade, 《商业银行金融资产风险分类办法》2023): the Chinese name as the server gives it,
 * with the English name after it in the English UI.
 */
function grade(code: string, gradeZh: string, t: Translate): string {
  const english = (() => {
    switch (code) {
      case 'normal':
        return t('loan.grade.normal');
      case 'special_mention':
        return t('loan.grade.special_mention');
      case 'substandard':
        return t('loan.grade.substandard');
      case 'doubtful':
        return t('loan.grade.doubtful');
      case 'loss':
        return t('loan.grade.loss');
      default:
        return code;
    }
  })();
  return english === gradeZh ? gradeZh : `${english} (${gradeZh})`;
}

/** 还款类型: 正常还款, or 提前还款 with its option (缩短期限 / 减少月供 / 提前结清). */
function repaymentKind(kind: string, option: string | null, t: Translate): string {
  if (kind === 'regular') return t('loan.repaymentKind.regular');
  switch (option) {
    case 'shortenTerm':
      return t('loan.repaymentKind.shortenTerm');
    case 'lowerInstallment':
      return t('loan.repaymentKind.lowerInstallment');
    case 'full':
      return t('loan.repaymentKind.full');
    default:
      return t('loan.repaymentKind.prepayment');
  }
}

/** 贷款账户状态 (loan account status). */
function loanStatus(status: string, t: Translate): string {
  switch (status) {
    case 'active':
      return t('loan.status.active');
    case 'closed':
      return t('loan.status.closed');
    default:
      return status;
  }
}

/** 合同版本类型: 原合同, 展期 (extension) or 续贷 (renewal). */
function contractVersionKind(kind: string, t: Translate): string {
  switch (kind) {
    case 'original':
      return t('loan.contractKind.original');
    case 'extension':
      return t('loan.contractKind.extension');
    case 'renewal':
      return t('loan.contractKind.renewal');
    default:
      return kind;
  }
}

/** Labels and colours of the servicing codes, from the i18n catalogues. */
export const loanLabels = {
  installmentStatus,
  installmentStatusColor,
  grade,
  repaymentKind,
  loanStatus,
  contractVersionKind,
};
