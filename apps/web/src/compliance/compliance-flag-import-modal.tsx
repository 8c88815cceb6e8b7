import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/api-problem.ts';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { complianceApi } from './compliance-api.ts';
import { createComplianceFlagImportTemplate } from './compliance-flag-import-template.ts';
import {
  toComplianceFlagImportProblemRows,
  type ComplianceFlagImportProblemRow,
} from './compliance-flag-import-problems.ts';
import { complianceFlagKindLabel } from './compliance-labels.ts';

/** Saves the template through a temporary object URL (built in the page: the header only, nothing to fetch). */
function downloadTemplate(language: 'zh-CN' | 'en'): void {
  const blob = new Blob([createComplianceFlagImportTemplate(language)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = 'compliance-flag-import-template.csv';
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * 批量导入合规标记 (issue 10 item 4): the city bureau downloads the template, picks a CSV or xlsx list and
 * imports it. The server checks every row first: when it refuses, each problem is shown by row and column and
 * nothing was written; when it imports, the counts (recorded, skipped because already holding) are shown and the
 * list refreshes.
 */
export function ComplianceFlagImportModal(props: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const mutation = useMutation({
    mutationFn: (picked: File) => complianceApi.importFile(picked),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['compliance-flags'] }),
  });
  const problemRows =
    mutation.error !== null && isApiProblem(mutation.error)
      ? toComplianceFlagImportProblemRows(mutation.error.problems, language)
      : [];
  const result = mutation.data;

  return (
    <Modal
      open
      width={820}
      title={t('compliance.import.title')}
      okText={t('compliance.import.submit')}
      cancelText={t('compliance.import.close')}
      okButtonProps={{ disabled: file === null || result !== undefined }}
      confirmLoading={mutation.isPending}
      onOk={() => file !== null && mutation.mutate(file)}
      onCancel={props.onClose}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('compliance.import.intro')}
        </Typography.Paragraph>
        <Button onClick={() => downloadTemplate(language)}>{t('compliance.import.template')}</Button>
        <Upload.Dragger
          accept=".csv,.xlsx"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(picked) => {
            setFile(picked);
            mutation.reset();
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{file === null ? t('compliance.import.pick') : file.name}</p>
        </Upload.Dragger>
        {mutation.isError && <ProblemAlert error={mutation.error} problems={[]} />}
        {problemRows.length > 0 && (
          <Table<ComplianceFlagImportProblemRow>
            size="small"
            title={() => t('compliance.import.problems')}
            dataSource={problemRows}
            pagination={{ pageSize: 20 }}
            columns={[
              {
                title: t('compliance.import.row'),
                key: 'row',
                width: 70,
                render: (_, p) => p.rowNumber ?? '—',
              },
              { title: t('compliance.import.column'), dataIndex: 'column', key: 'column', width: 150 },
              { title: t('compliance.import.reason'), dataIndex: 'message', key: 'message' },
            ]}
          />
        )}
        {result !== undefined && (
          <>
            <Alert
              type="success"
              showIcon
              title={t('compliance.import.done', {
                recorded: result.recorded,
                skipped: result.skippedDuplicates,
              })}
            />
            <Descriptions
              bordered
              size="small"
              column={3}
              items={[
                { key: 'total', label: t('compliance.import.totalRows'), children: result.totalRows },
                { key: 'recorded', label: t('compliance.import.recorded'), children: result.recorded },
                {
                  key: 'skipped',
                  label: t('compliance.import.skipped'),
                  children: result.skippedDuplicates,
                },
              ]}
            />
            {result.skipped.length > 0 && (
              <Table
                size="small"
                title={() => t('compliance.import.skippedTitle')}
                rowKey="rowNumber"
                dataSource={result.skipped}
                pagination={{ pageSize: 20 }}
                columns={[
                  { title: t('compliance.import.row'), dataIndex: 'rowNumber', key: 'row', width: 70 },
                  { title: 'USCC', dataIndex: 'uscc', key: 'uscc' },
                  {
                    title: t('compliance.kind'),
                    key: 'kind',
                    render: (_, s) => complianceFlagKindLabel(s.kind, t),
                  },
                ]}
              />
            )}
          </>
        )}
      </Space>
    </Modal>
  );
}
