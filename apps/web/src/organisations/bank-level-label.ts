type Translate = (key: string) => string;

/** 总行 / 分行 / 支行 labels; an em dash for organisations that are not bank units. */
export function bankLevelLabel(level: string | null | undefined, t: Translate): string {
  switch (level) {
    case 'head_office':
      return t('bankLevel.headOffice');
    case 'branch':
      return t('bankLevel.branch');
    case 'sub_branch':
      return t('bankLevel.subBranch');
    case null:
    case undefined:
    case '':
      return '—';
    default:
      return level;
  }
}

/** The bank levels in hierarchy order, as Select options. */
export function bankLevelOptions(t: Translate): { value: string; label: string }[] {
  return ['head_office', 'branch', 'sub_branch'].map((value) => ({ value, label: bankLevelLabel(value, t) }));
}
