import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatDateTime } from '../format/format-date-time.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';
import {
  caseDueDiligenceApi,
  type CaseDueDiligence,
  type CaseDueDiligenceItem,
  type DueDiligenceInput,
} from './case-due-diligence-api.ts';

interface ItemValues {
  checked?: boolean;
  evidence?: string;
  note?: string;
}
interface FormValues {
  items?: Record<string, ItemValues>;
}

const trimmed = (value: string | null | undefined) => value?.trim() ?? '';

/**
 * The items the clerk changed against what is recorded: only these are sent, so every other item keeps who
 * checked it and when.
 */
function changedItems(view: CaseDueDiligence, values: FormValues): DueDiligenceInput['items'] {
  return view.items.flatMap((item) => {
    const v = values.items?.[item.code] ?? {};
    const checked = v.checked === true;
    const evidence = trimmed(v.evidence);
    const note = trimmed(v.note);
    const r = item.result;
    const same =
      r === null
        ? !checked && evidence === '' && note === ''
        : r.checked === checked && trimmed(r.evidence) === evidence && trimmed(r.note) === note;
    if (same) return [];
    return [
      {
        itemCode: item.code,
        checked,
        ...(evidence === '' ? {} : { evidence }),
        ...(note === '' ? {} : { note }),
      },
    ];
  });
}

/** 录入尽职调查: one row per item (checked, evidence, note), prefilled with what is recorded. */
function DueDiligenceModal(props: { view: CaseDueDiligence; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const language = currentLanguage();
  const [form] = Form.useForm<FormValues>();
  const mutation = useMutation({
    mutationFn: (body: DueDiligenceInput) => caseDueDiligenceApi.record(props.view.caseId, body),
    onSuccess: (view) => {
      queryClient.setQueryData(['cases', 'due-diligence', props.view.caseId], view);
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      void message.success(view.complete ? t('dueDiligence.savedComplete') : t('dueDiligence.saved'));
      props.onClose();
    },
  });
  const initialValues: FormValues = {
    items: Object.fromEntries(
      props.view.items.map((item) => [
        item.code,
        {
          checked: item.result?.checked ?? false,
          evidence: item.result?.evidence ?? '',
          note: item.result?.note ?? '',
        },
      ]),
    ),
  };
  const submit = (values: FormValues) => {
    if (mutation.isPending) return;
    const items = changedItems(props.view, values);
    if (items.length === 0) {
      void message.info(t('dueDiligence.nothingChanged'));
      return;
    }
    mutation.mutate({ items });
  };

  return (
    <Modal
      open
      width={860}
      title={t('dueDiligence.fillIn')}
      okText={t('dueDiligence.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'due-diligence' }}
      confirmLoading={mutation.isPending}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {mutation.isError && (
        <div style={{ marginBottom: 12 }}>
          <ProblemAlert error={mutation.error} />
        </div>
      )}
      <Typography.Paragraph type="secondary">{t('dueDiligence.fillInHint')}</Typography.Paragraph>
      <Form<FormValues>
        form={form}
        name="due-diligence"
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
      >
        {props.view.items.map((item) => (
          <Card key={item.code} size="small" style={{ marginBottom: 8 }}>
            <Form.Item
              name={['items', item.code, 'checked']}
              valuePropName="checked"
              style={{ marginBottom: 8 }}
            >
              <Checkbox>
                <Space size={4} wrap>
                  <Typography.Text strong>{language === 'en' ? item.en : item.zh}</Typography.Text>
                  <ItemTags item={item} />
                </Space>
              </Checkbox>
            </Form.Item>
            <Space.Compact block>
              <Form.Item
                name={['items', item.code, 'evidence']}
                style={{ flex: 1, marginBottom: 0 }}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_, value: string | undefined) =>
                      item.evidenceRequired &&
                      getFieldValue(['items', item.code, 'checked']) === true &&
                      trimmed(value) === ''
                        ? Promise.reject(new Error(t('dueDiligence.evidenceNeeded')))
                        : Promise.resolve(),
                  }),
                ]}
              >
                <Input
                  maxLength={2000}
                  placeholder={
                    item.evidenceRequired
                      ? t('dueDiligence.evidencePlaceholderRequired')
                      : t('dueDiligence.evidencePlaceholder')
                  }
                />
              </Form.Item>
              <Form.Item name={['items', item.code, 'note']} style={{ flex: 1, marginBottom: 0 }}>
                <Input maxLength={2000} placeholder={t('dueDiligence.notePlaceholder')} />
              </Form.Item>
            </Space.Compact>
          </Card>
        ))}
      </Form>
    </Modal>
  );
}

function ItemTags({ item }: { item: CaseDueDiligenceItem }) {
  const { t } = useTranslation();
  return (
    <>
      {item.required ? (
        <Tag color="blue">{t('dueDiligence.required')}</Tag>
      ) : (
        <Tag>{t('dueDiligence.optional')}</Tag>
      )}
      {item.evidenceRequired && <Tag color="purple">{t('dueDiligence.evidenceRequired')}</Tag>}
    </>
  );
}

/**
 * 尽职调查清单 of a case: the product's checklist (id and version) with each item's result (✓/✗, evidence, note,
 * who checked it and when) for everyone who sees the case; the bank clerk fills it in while the case is
 * 已申请, and 风险评测 waits until every required item is done.
 */
export function CaseDueDiligenceCard({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const session = useSession().data ?? null;
  const [editing, setEditing] = useState(false);
  const query = useQuery({
    queryKey: ['cases', 'due-diligence', caseId],
    queryFn: () => caseDueDiligenceApi.get(caseId),
  });
  const view = query.data;
  const mayRecord = view?.open === true && hasPermission(session, 'case.evaluate');
  const openCount = view?.items.filter((i) => i.gap !== null).length ?? 0;

  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      data-testid="due-diligence"
      title={
        <Space wrap>
          {t('dueDiligence.title')}
          {view !== undefined && (
            <>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('dueDiligence.checklistVersion', {
                  id: view.checklistId,
                  version: view.checklistVersion,
                })}
              </Typography.Text>
              {view.complete ? (
                <Tag color="green">{t('dueDiligence.complete')}</Tag>
              ) : (
                <Tag color="orange">{t('dueDiligence.incomplete', { count: openCount })}</Tag>
              )}
            </>
          )}
        </Space>
      }
      extra={
        mayRecord && (
          <Button
            type="primary"
            size="small"
            onClick={() => setEditing(true)}
            data-testid="due-diligence-fill"
          >
            {t('dueDiligence.fillIn')}
          </Button>
        )
      }
    >
      {query.isError ? (
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          {view !== undefined && view.open && !view.complete && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('dueDiligence.beforeRisk')}
            </Typography.Paragraph>
          )}
          <Table<CaseDueDiligenceItem>
            size="small"
            rowKey="code"
            loading={query.isPending}
            dataSource={view?.items ?? []}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: t('dueDiligence.empty') }}
            columns={[
              {
                title: t('dueDiligence.item'),
                key: 'item',
                render: (_, item) => (
                  <Space size={4} wrap>
                    <span>{language === 'en' ? item.en : item.zh}</span>
                    <ItemTags item={item} />
                  </Space>
                ),
              },
              {
                title: t('dueDiligence.result'),
                key: 'result',
                width: 110,
                render: (_, item) => (
                  <Space size={4}>
                    {item.result === null ? (
                      <Typography.Text type="secondary">—</Typography.Text>
                    ) : item.result.checked ? (
                      <Typography.Text type="success" aria-label={t('dueDiligence.checked')}>
                        ✓
                      </Typography.Text>
                    ) : (
                      <Typography.Text type="danger" aria-label={t('dueDiligence.notChecked')}>
                        ✗
                      </Typography.Text>
                    )}
                    {item.gap === 'not_checked' && <Tag color="red">{t('dueDiligence.gap.not_checked')}</Tag>}
                    {item.gap === 'evidence_missing' && (
                      <Tag color="red">{t('dueDiligence.gap.evidence_missing')}</Tag>
                    )}
                  </Space>
                ),
              },
              {
                title: t('dueDiligence.evidence'),
                key: 'evidence',
                render: (_, item) => item.result?.evidence ?? '—',
              },
              { title: t('dueDiligence.note'), key: 'note', render: (_, item) => item.result?.note ?? '—' },
              {
                title: t('dueDiligence.checkedBy'),
                key: 'checkedBy',
                width: 110,
                render: (_, item) => item.result?.checkedByName ?? '—',
              },
              {
                title: t('dueDiligence.checkedAt'),
                key: 'checkedAt',
                width: 150,
                render: (_, item) => formatDateTime(item.result?.checkedAt, language),
              },
            ]}
          />
        </>
      )}
      {editing && view !== undefined && <DueDiligenceModal view={view} onClose={() => setEditing(false)} />}
    </Card>
  );
}
