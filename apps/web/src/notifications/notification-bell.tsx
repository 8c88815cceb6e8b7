import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Drawer, Empty, List, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatDateTime } from '../format/format-date-time.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { notificationApi, notificationQueryKey, type Notification } from './notification-api.ts';
import { notificationText } from './notification-text.ts';

/** How often the bell asks for its count (ms): a clerk sees a new submission within a minute. */
const COUNT_INTERVAL_MS = 30_000;

/** One notification as a line: its text, time and state; clicking marks it read and opens its link. */
export function NotificationItem(props: { notification: Notification; onOpen: () => void }) {
  const { t } = useTranslation();
  const n = props.notification;
  return (
    <List.Item
      data-testid="notification-item"
      style={{ cursor: 'pointer', opacity: n.readAt === null ? 1 : 0.6 }}
      onClick={props.onOpen}
    >
      <List.Item.Meta
        avatar={<Badge status={n.readAt === null ? 'processing' : 'default'} />}
        title={
          <Typography.Text strong={n.readAt === null}>
            {notificationText(n, t, currentLanguage())}
          </Typography.Text>
        }
        description={formatDateTime(n.createdAt, currentLanguage())}
      />
    </List.Item>
  );
}

/** Marks a notification read (when unread) and opens its link. */
export function useOpenNotification(onOpened?: () => void) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const mark = useMutation({
    mutationFn: (id: string) => notificationApi.markRead(id),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: notificationQueryKey }),
  });
  return (n: Notification) => {
    if (n.readAt === null) mark.mutate(n.id);
    onOpened?.();
    if (n.link !== null) void navigate(n.link);
  };
}

/**
 * 通知铃 (the header's bell): the unread count as a badge; a click opens a drawer with the latest notifications,
 * 全部标为已读 and a link to the full list.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const count = useQuery({
    queryKey: [...notificationQueryKey, 'unread'],
    queryFn: ({ signal }) => notificationApi.unreadCount(signal),
    refetchInterval: COUNT_INTERVAL_MS,
  });
  const latest = useQuery({
    queryKey: [...notificationQueryKey, 'latest'],
    queryFn: ({ signal }) => notificationApi.list({ page: 1, pageSize: 10 }, signal),
    enabled: open,
  });
  const markAll = useMutation({
    mutationFn: () => notificationApi.markAllRead(),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: notificationQueryKey }),
  });
  const openNotification = useOpenNotification(() => setOpen(false));
  const unread = count.data?.unread ?? 0;

  return (
    <>
      <Badge count={unread} size="small" data-testid="notification-count">
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={t('notifications.bell', { count: unread })}
          data-testid="notification-bell"
          onClick={() => setOpen(true)}
        />
      </Badge>
      <Drawer
        open={open}
        width={420}
        title={t('notifications.title')}
        onClose={() => setOpen(false)}
        extra={
          <Space>
            <Button
              size="small"
              disabled={unread === 0}
              loading={markAll.isPending}
              onClick={() => markAll.mutate()}
            >
              {t('notifications.markAllRead')}
            </Button>
          </Space>
        }
        footer={
          <Button
            type="link"
            onClick={() => {
              setOpen(false);
              void navigate('/notifications');
            }}
          >
            {t('notifications.viewAll')}
          </Button>
        }
      >
        {latest.isError && <ProblemAlert error={latest.error} onRetry={() => void latest.refetch()} />}
        {latest.isPending && open && <Skeleton active />}
        {latest.data?.items.length === 0 && <Empty description={t('notifications.empty')} />}
        {latest.data !== undefined && latest.data.items.length > 0 && (
          <List
            dataSource={latest.data.items}
            renderItem={(n) => <NotificationItem notification={n} onOpen={() => openNotification(n)} />}
          />
        )}
      </Drawer>
    </>
  );
}
