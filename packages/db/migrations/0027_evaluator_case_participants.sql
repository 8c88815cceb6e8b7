-- 评估机构参与案件 (issue 9 item 1), data backfill: the evaluation firm whose valuation on record the value step
-- (价值评估) adopted becomes the case's evaluator participant, as recordValueEvaluation now does in the step's
-- transaction. Only cases without an evaluator yet; of several value steps the latest wins. The firm signed the
-- report, so it counts as accepted when the step was recorded, by the report's signer. No notification is sent
-- for these old steps.
INSERT INTO "case_participants" ("case_id", "organisation_id", "role", "accepted_at", "accepted_by_user_id", "created_at")
SELECT latest."case_id", latest."organisation_id", 'evaluator', latest."recorded_at", latest."created_by_user_id", latest."recorded_at"
FROM (
  SELECT DISTINCT ON (e."case_id") e."case_id", v."organisation_id", v."created_by_user_id", e."recorded_at"
  FROM "case_evaluations" e
  JOIN "valuations" v ON v."id" = e."valuation_id"
  JOIN "organisations" o ON o."id" = v."organisation_id"
  WHERE e."step" = 'value' AND o."kind" = 'evaluation_firm'
  ORDER BY e."case_id", e."recorded_at" DESC, e."id" DESC
) latest
WHERE NOT EXISTS (
  SELECT 1 FROM "case_participants" p WHERE p."case_id" = latest."case_id" AND p."role" = 'evaluator'
);
