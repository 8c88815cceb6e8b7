import { InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProblemItem } from '../api/api-types.ts';
import { PageHeader } from '../common/page-header.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { ipAssetApi, type ImportReport } from './ip-asset-api.ts';

/** `rows[12].number` → row 12, column number. */
function splitField(field: string): { row: string; column: string } {
  const match = /^rows\[(\d+)\]\.(.+)$/.exec(field);
  return match === null ? { row: '—', column: field } : { row: match[1]!, column: match[2]! };
}

/** 批量导入: download a template, upload, see every bad row with field and reason, then import the valid rows or nothing. */
export function IpAssetImportPage() {
  const { t } = useTranslation();
  const [report, setReport] = useState<ImportReport | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => ipAssetApi.upload(file, false),
    onSuccess: setReport,
  });
  const commit = useMutation({
    mutationFn: (batchId: string) => ipAssetApi.commit(batchId),
    onSuccess: setReport,
  });

  return (
    <>
      <PageHeader
        title={t('ipAssets.importTitle')}
        subtitle={t('ipAssets.importSubtitle')}
        extra={
          <Space>
            <Button href={ipAssetApi.templateUrl('xlsx')}>{t('ipAssets.templateXlsx')}</Button>
            <Button href={ipAssetApi.templateUrl('csv')}>{t('ipAssets.templateCsv')}</Button>
            <Link to="/ip-assets">
              <Button>{t('ipAssets.backToList')}</Button>
            </Link>
          </Space>
        }
      />
      <Card>
        <Upload.Dragger
          accept=".csv,.xlsx"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(file) => {
            setReport(null);
            upload.mutate(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{upload.isPending ? t('common.loading') : t('ipAssets.uploadHint')}</p>
        </Upload.Dragger>
        <div style={{ marginTop: 16 }}>
          {upload.isError && <ProblemAlert error={upload.error} />}
          {commit.isError && <ProblemAlert error={commit.error} />}
        </div>
        {report !== null && (
          <>
            <Descriptions
              bordered
              size="small"
              style={{ marginTop: 16 }}
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'total', label: t('ipAssets.totalRows'), children: report.totalRows },
                { key: 'valid', label: t('ipAssets.validRows'), children: report.validRows },
                { key: 'invalid', label: t('ipAssets.invalidRows'), children: report.invalidRows },
              ]}
            />
            {report.committed ? (
              <Alert
                style={{ marginTop: 16 }}
                type="success"
                showIcon
                title={t('ipAssets.imported', {
                  inserted: report.insertedRows,
                  existing: report.alreadyRegisteredRows,
                })}
              />
            ) : (
              <Space style={{ marginTop: 16 }}>
                <Button
                  type="primary"
                  disabled={report.validRows === 0 || report.batchId === null}
                  loading={commit.isPending}
                  onClick={() => report.batchId !== null && commit.mutate(report.batchId)}
                >
                  {t('ipAssets.importValid', { count: report.validRows })}
                </Button>
                <Button onClick={() => setReport(null)}>{t('ipAssets.importNothing')}</Button>
              </Space>
            )}
            {report.problems.length > 0 && (
              <Table<ProblemItem & { key: number }>
                style={{ marginTop: 16 }}
                size="small"
                title={() =>
                  report.problemsTruncated ? t('ipAssets.problemsTruncated') : t('ipAssets.problems')
                }
                dataSource={report.problems.map((p, key) => ({ ...p, key }))}
                pagination={{ pageSize: 50 }}
                columns={[
                  {
                    title: t('ipAssets.row'),
                    key: 'row',
                    width: 80,
                    render: (_, p) => splitField(p.field ?? '').row,
                  },
                  {
                    title: t('ipAssets.column'),
                    key: 'column',
                    width: 200,
                    render: (_, p) => splitField(p.field ?? '').column,
                  },
                  { title: t('ipAssets.reason'), dataIndex: 'message' },
                ]}
              />
            )}
          </>
        )}
      </Card>
    </>
  );
}
