import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, List, Segmented, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../common/page-header.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { useListSearchParams } from '../common/use-list-search-params.ts';
import { notificationApi, notificationQueryKey } from './notification-api.ts';
import { NotificationItem, useOpenNotification } from './notification-bell.tsx';

/** 我的通知 (all notifications of the user and its organisation): paged, all or unread only, 全部标为已读. */
export function NotificationListPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const params = useListSearchParams();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useQuery({
    queryKey: [...notificationQueryKey, 'page', params.page, params.pageSize, unreadOnly],
    queryFn: ({ signal }) =>
      notificationApi.list(
        { page: params.page, pageSize: params.pageSize, ...(unreadOnly ? { unreadOnly } : {}) },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
  const markAll = useMutation({
    mutationFn: () => notificationApi.markAllRead(),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: notificationQueryKey }),
  });
  const openNotification = useOpenNotification();

  return (
    <>
      <PageHeader title={t('notifications.title')} subtitle={t('notifications.subtitle')} />
      <Card
        title={
          <Segmented<'all' | 'unread'>
            value={unreadOnly ? 'unread' : 'all'}
            options={[
              { value: 'all', label: t('notifications.all') },
              { value: 'unread', label: t('notifications.unreadOnly') },
            ]}
            onChange={(v) => {
              setUnreadOnly(v === 'unread');
              params.setPage(1, params.pageSize);
            }}
          />
        }
        extra={
          <Space>
            <Button
              disabled={(list.data?.unread ?? 0) === 0}
              loading={markAll.isPending}
              onClick={() => markAll.mutate()}
            >
              {t('notifications.markAllRead')}
            </Button>
          </Space>
        }
      >
        {list.isError && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
        <List
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          locale={{
            emptyText: (
              <Empty description={unreadOnly ? t('notifications.noneUnread') : t('notifications.empty')} />
            ),
          }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: list.data?.total ?? 0,
            onChange: params.setPage,
            showSizeChanger: true,
          }}
          renderItem={(n) => <NotificationItem notification={n} onOpen={() => openNotification(n)} />}
        />
      </Card>
    </>
  );
}
