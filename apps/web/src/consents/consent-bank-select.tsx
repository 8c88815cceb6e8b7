import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PledgeeCandidateDto } from '@ipf/contracts';
import { apiRequest } from '../api/api-request.ts';
import type { Page } from '../api/api-types.ts';
import { useDebouncedValue } from '../common/use-debounced-value.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { bankLevelLabel } from '../organisations/bank-level-label.ts';

/** A bank unit the enterprise may authorise: its id and its name in the UI language. */
export interface ConsentBank {
  readonly id: string;
  readonly name: string;
}

interface ConsentBankSelectProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** The picked bank unit with its name (for the confirmation text), or undefined when cleared. */
  onPick?: (bank: ConsentBank | undefined) => void;
  id?: string;
}

/**
 * 被授权银行: a searchable pick of active bank units (head offices, branches, sub-branches) from the platform's
 * directory (GET /api/pledgee-candidates?kinds=bank, names, kinds and ids only, readable by enterprises).
 */
export function ConsentBankSelect(props: ConsentBankSelectProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const found = useQuery({
    queryKey: ['pledgee-candidates', 'bank', q],
    queryFn: ({ signal }) =>
      apiRequest<Page<PledgeeCandidateDto>>('/pledgee-candidates', {
        query: { kinds: 'bank', ...(q === '' ? {} : { q }), page: 1, pageSize: 50 },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
  const items = found.data?.items ?? [];
  const nameOf = (c: PledgeeCandidateDto) => (language === 'zh-CN' ? c.nameZh : c.nameEn);

  return (
    <Select<string>
      {...(props.id !== undefined ? { id: props.id } : {})}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={props.value ?? null}
      placeholder={t('consents.grant.recipientPlaceholder')}
      style={{ width: '100%' }}
      loading={found.isFetching}
      notFoundContent={
        found.isFetching ? (
          <Spin size="small" />
        ) : found.isError ? (
          t('errors.loadFailed')
        ) : (
          t('common.noMatch')
        )
      }
      options={items.map((c) => ({
        value: c.id,
        label: nameOf(c),
        title: nameOf(c),
        detail: bankLevelLabel(c.bankLevel, t),
      }))}
      optionRender={(option) => (
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{option.data.label}</span>
          <span style={{ color: '#999', fontSize: 12, flexShrink: 0 }}>{option.data.detail}</span>
        </div>
      )}
      onChange={(value) => {
        const picked = items.find((c) => c.id === value);
        props.onPick?.(picked === undefined ? undefined : { id: picked.id, name: nameOf(picked) });
        props.onChange?.(value);
      }}
    />
  );
}
