import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User, UserStatus } from '../api/api-types.ts';
import { userApi } from '../api/user-api.ts';
import { OrganisationSelect } from '../common/organisation-select.tsx';
import { PageHeader } from '../common/page-header.tsx';
import { PagedTable } from '../common/paged-table.tsx';
import { useListSearchParams } from '../common/use-list-search-params.ts';
import { formatDateTime } from '../format/format-date-time.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { referenceLabel } from '../reference/reference-options.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';
import { CreateUserModal } from './create-user-modal.tsx';

/** 用户管理: users with their memberships, search, paging, create, disable / enable. */
export function UserListPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const session = useSession().data;
  const params = useListSearchParams();
  const [creating, setCreating] = useState(false);
  const q = params.text('q');
  const organisationId = params.text('organisationId');
  const canUpdate = hasPermission(session, 'user.update');

  const list = useQuery({
    queryKey: ['users', 'list', { q, organisationId, page: params.page, pageSize: params.pageSize }],
    queryFn: ({ signal }) =>
      userApi.find(
        {
          ...(q ? { q } : {}),
          ...(organisationId ? { organisationId } : {}),
          page: params.page,
          pageSize: params.pageSize,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

  const updateStatus = useMutation({
    mutationFn: (input: { user: User; status: 'active' | 'disabled' }) =>
      userApi.updateStatus(input.user.id, input.status),
    onSuccess: async (_, input) => {
      void message.success(
        input.status === 'active'
          ? t('users.enabled', { name: input.user.displayName })
          : t('users.disabled', { name: input.user.displayName }),
      );
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (error) => void message.error(error.message),
  });

  const statusTag = (status: UserStatus) => {
    switch (status) {
      case 'active':
        return <Tag color="green">{t('users.statusActive')}</Tag>;
      case 'disabled':
        return <Tag>{t('users.statusDisabled')}</Tag>;
      case 'locked':
        return <Tag color="orange">{t('users.statusLocked')}</Tag>;
    }
  };

  const columns: TableColumnsType<User> = [
    {
      title: t('users.displayName'),
      key: 'name',
      render: (_, u) => (
        <div>
          <Typography.Text strong>{u.displayName}</Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {u.login}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('users.memberships'),
      key: 'memberships',
      render: (_, u) =>
        u.memberships.length === 0
          ? '—'
          : u.memberships.map((m) => (
              <div key={`${m.organisationId}-${m.role}`}>
                {language === 'zh-CN' ? m.organisationNameZh : m.organisationNameEn}{' '}
                <Tag color="blue" style={{ marginInlineStart: 4 }}>
                  {referenceLabel('roles', m.role, language)}
                </Tag>
              </div>
            )),
    },
    {
      title: t('users.status'),
      dataIndex: 'status',
      width: 100,
      render: (value: UserStatus) => statusTag(value),
    },
    {
      title: t('users.secondFactor'),
      dataIndex: 'secondFactorEnrolled',
      width: 120,
      render: (value: boolean) =>
        value ? (
          <Tag color="green">{t('users.secondFactorEnrolled')}</Tag>
        ) : (
          <Tag>{t('users.secondFactorNotEnrolled')}</Tag>
        ),
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      width: 160,
      render: (value: string) => formatDateTime(value, language),
    },
    ...(canUpdate
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 110,
            render: (_: unknown, u: User) => {
              const isSelf = u.id === session?.user.id;
              const next = u.status === 'active' ? 'disabled' : 'active';
              return (
                <Popconfirm
                  title={
                    next === 'disabled'
                      ? t('users.confirmDisable', { name: u.displayName })
                      : t('users.confirmEnable', { name: u.displayName })
                  }
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => updateStatus.mutate({ user: u, status: next })}
                  disabled={isSelf}
                >
                  <Button type="link" size="small" danger={next === 'disabled'} disabled={isSelf}>
                    {next === 'disabled'
                      ? t('users.disable')
                      : u.status === 'locked'
                        ? t('users.unlock')
                        : t('users.enable')}
                  </Button>
                </Popconfirm>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        extra={
          hasPermission(session, 'user.create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('users.create')}
            </Button>
          )
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            key={`q-${q ?? ''}`}
            allowClear
            defaultValue={q}
            placeholder={t('users.searchPlaceholder')}
            style={{ width: 300 }}
            onSearch={(value) => params.setFilters({ q: value.trim() })}
          />
          <OrganisationSelect
            allowClear
            {...(organisationId ? { value: organisationId } : {})}
            placeholder={t('users.allOrganisations')}
            style={{ width: 300 }}
            onChange={(value) => params.setFilters({ organisationId: value })}
          />
        </Space>
        <PagedTable<User>
          list={list}
          columns={columns}
          page={params.page}
          pageSize={params.pageSize}
          onPageChange={params.setPage}
          emptyText={t('users.empty')}
          filtered={Boolean(q || organisationId)}
        />
      </Card>
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
