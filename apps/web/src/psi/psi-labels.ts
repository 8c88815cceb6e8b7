import type { BrowserPsiStep, PsiSetKind } from './run-browser-psi.ts';

type Translate = (key: string) => string;

/** The set a bank matches against, as the page names it. */
export function psiSetKindLabel(kind: PsiSetKind, t: Translate): string {
  switch (kind) {
    case 'opted_in':
      return t('psi.setOptedIn');
    case 'my_whitelist':
      return t('psi.setMyWhitelist');
  }
}

/** What the page is doing during a run. */
export function psiStepLabel(step: BrowserPsiStep, t: Translate): string {
  switch (step) {
    case 'hashing':
      return t('psi.stepHashing');
    case 'opening':
      return t('psi.stepOpening');
    case 'answering':
      return t('psi.stepAnswering');
    case 'comparing':
      return t('psi.stepComparing');
  }
}
