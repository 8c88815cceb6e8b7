import type { UseQueryResult } from '@tanstack/react-query';
import { Empty, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Page } from '../api/api-types.ts';
import { ProblemAlert } from './problem-alert.tsx';

export interface PagedTableProps<T> {
  readonly list: UseQueryResult<Page<T>>;
  readonly columns: TableColumnsType<T>;
  readonly page: number;
  readonly pageSize: number;
  readonly onPageChange: (page: number, pageSize: number) => void;
  /** Shown when nothing exists yet; `noMatchText` when filters are set and nothing matches. */
  readonly emptyText: string;
  readonly noMatchText?: string;
  readonly filtered: boolean;
}

/**
 * A server-paged list: the load error with a retry, the table, and an empty state that says whether nothing
 * exists yet or nothing matches the filters (nothing is shown while the first page loads).
 */
export function PagedTable<T extends { id: string }>(props: PagedTableProps<T>) {
  const { t } = useTranslation();
  const { list } = props;
  const description = list.isError
    ? t('errors.loadFailed')
    : props.filtered
      ? (props.noMatchText ?? t('common.noMatch'))
      : props.emptyText;
  return (
    <>
      {list.isError && (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
        </div>
      )}
      <Table<T>
        rowKey="id"
        size="middle"
        columns={props.columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{
          emptyText: list.isPending ? (
            <div style={{ height: 120 }} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description} />
          ),
        }}
        pagination={{
          current: props.page,
          pageSize: props.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: props.onPageChange,
        }}
      />
    </>
  );
}
