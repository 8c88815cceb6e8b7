import { Tag } from 'antd';
import { currentLanguage } from '../i18n/i18n.ts';
import { caseLabels, caseStateColor } from './case-labels.ts';

/** A case state as a coloured tag, labelled from the domain's list. */
export function CaseStateTag({ state }: { state: string }) {
  return (
    <Tag color={caseStateColor(state)} data-state={state}>
      {caseLabels.state(state, currentLanguage())}
    </Tag>
  );
}
