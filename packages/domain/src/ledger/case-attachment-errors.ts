import { defineErrors } from '../errors/error-catalogue.ts';

/**
 * 申请材料错误 (case attachment errors, issue 5 item 2): uploading, reading and deleting the documents attached to
 * a financing case.
 */
export const caseAttachmentErrors = defineErrors({
  CASE_ATTACHMENT_KIND_UNKNOWN: {
    status: 400,
    zh: '材料类型“{kind}”不存在。',
    en: 'The document kind "{kind}" does not exist.',
  },
  CASE_ATTACHMENT_FILE_NAME_INVALID: {
    status: 400,
    zh: '文件名须为 1 至 200 个字符，且不能含路径分隔符或控制字符。',
    en: 'The file name must have 1 to 200 characters, without path separators or control characters.',
  },
  CASE_ATTACHMENT_TYPE_NOT_ALLOWED: {
    status: 415,
    zh: '不支持的文件类型“{mimeType}”，只能上传 PDF、JPEG、PNG 或 Excel（xlsx）文件。',
    en: 'The file type "{mimeType}" is not accepted; upload a PDF, JPEG, PNG or Excel (xlsx) file.',
  },
  CASE_ATTACHMENT_CONTENT_MISMATCH: {
    status: 415,
    zh: '文件内容不是声明的“{mimeType}”类型（文件头不符），请上传原始文件。',
    en: 'The file content is not of the declared type "{mimeType}" (its leading bytes differ); upload the original file.',
  },
  CASE_ATTACHMENT_EMPTY: {
    status: 400,
    zh: '文件为空。',
    en: 'The file is empty.',
  },
  CASE_ATTACHMENT_CONTENT_INVALID: {
    status: 400,
    zh: '文件内容不是有效的 Base64 编码。',
    en: 'The file content is not valid Base64.',
  },
  CASE_ATTACHMENT_TOO_LARGE: {
    status: 413,
    zh: '单个文件不能超过 {maxMegabytes} MB。',
    en: 'A file may not exceed {maxMegabytes} MB.',
  },
  CASE_ATTACHMENT_CASE_CLOSED: {
    status: 409,
    zh: '案件处于“{state}”状态，已不能补充材料。',
    en: 'The case is "{state}"; documents can no longer be added.',
  },
  CASE_ATTACHMENT_NOT_UPLOADER: {
    status: 403,
    zh: '只有上传人本人可以删除该材料。',
    en: 'Only the user who uploaded this document may delete it.',
  },
  CASE_ATTACHMENT_LOCKED: {
    status: 409,
    zh: '案件处于“{state}”状态，审批通过后材料不能再删除。',
    en: 'The case is "{state}"; documents cannot be deleted once the case has been approved.',
  },
  CASE_BUREAU_NOT_FOUND: {
    status: 409,
    zh: '找不到企业所在区（{district}）或市的知识产权主管部门，无法授权。',
    en: "No IP bureau of the enterprise's district ({district}) or of the city was found to consent to.",
  },
});
