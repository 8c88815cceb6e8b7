import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { PledgeeCandidateDto } from '@ipf/contracts';
import { apiRequest } from '../api/api-request.ts';
import type { Page } from '../api/api-types.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { bankLevelLabel } from '../organisations/bank-level-label.ts';
import { useDebouncedValue } from './use-debounced-value.ts';

type CandidateKind = PledgeeCandidateDto['kind'];

interface PledgeeCandidateSelectProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Which kinds to offer: banks and guarantors for a pledgee, insurers for an insurance model. */
  kinds: readonly CandidateKind[];
  placeholder?: string;
  id?: string;
  style?: CSSProperties;
}

/**
 * 质权人选择: a searchable pick of active banks (every unit), guarantors or insurers from the platform's directory
 * (GET /api/pledgee-candidates), asked as the user types; it shows names and kinds only.
 */
export function PledgeeCandidateSelect(props: PledgeeCandidateSelectProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const kinds = props.kinds.join(',');

  const found = useQuery({
    queryKey: ['pledgee-candidates', kinds, q],
    queryFn: ({ signal }) =>
      apiRequest<Page<PledgeeCandidateDto>>('/pledgee-candidates', {
        query: { kinds, ...(q === '' ? {} : { q }), page: 1, pageSize: 50 },
        signal,
      }),
    placeholderData: keepPreviousData,
  });

  const items = found.data?.items ?? [];
  const nameOf = (c: PledgeeCandidateDto) => (language === 'zh-CN' ? c.nameZh : c.nameEn);
  const detailOf = (c: PledgeeCandidateDto) =>
    c.kind === 'bank'
      ? bankLevelLabel(c.bankLevel, t)
      : c.kind === 'guarantor'
        ? t('pledgeeSelect.kind.guarantor')
        : t('pledgeeSelect.kind.insurer');

  return (
    <Select<string>
      {...(props.id !== undefined ? { id: props.id } : {})}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={props.value ?? null}
      placeholder={props.placeholder ?? t('pledgeeSelect.placeholder')}
      style={props.style ?? { width: '100%' }}
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
      options={items.map((c) => ({ value: c.id, label: nameOf(c), title: nameOf(c), detail: detailOf(c) }))}
      optionRender={(option) => (
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{option.data.label}</span>
          <span style={{ color: '#999', fontSize: 12, flexShrink: 0 }}>{option.data.detail}</span>
        </div>
      )}
      onChange={(value) => props.onChange?.(value)}
    />
  );
}
