ALTER TABLE "guarantee_products" ADD COLUMN "compensation_overdue_days" integer;--> statement-breakpoint
ALTER TABLE "guarantees" ADD COLUMN "compensation_overdue_days" integer;