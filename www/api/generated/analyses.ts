// Generated from the Rust types by `make types` (src/typegen/). Do not edit:
// tests/generated_types.rs fails when this file is stale.
import type { ColumnSpec, NoParams, Overview, QualityReport, RfmParams, RfmSummary, TableKind } from './types';

/** Every analysis by kind: its parameters, its output and the customer columns it adds. */
export interface Analyses {
  quality: {
    params: NoParams;
    output: QualityReport;
    columns: { };
  };
  overview: {
    params: NoParams;
    output: Overview;
    columns: { };
  };
  rfm: {
    params: RfmParams;
    output: RfmSummary;
    columns: { recency: number; frequency: number; monetary_cents: number; r_score: number; f_score: number; m_score: number; segment: "champions" | "loyal" | "potential_loyalist" | "new_customers" | "promising" | "need_attention" | "about_to_sleep" | "cannot_lose_them" | "at_risk" | "hibernating" | "lost"; };
  };
}

/** A kind of analysis. */
export type AnalysisKind = keyof Analyses;

/** Every analysis at run time: the tables it needs, whether the report holds it, its columns. */
export const ANALYSES = {
  quality: { needs: ["orders"] as TableKind[], in_report: true, columns: [] as ColumnSpec[] },
  overview: { needs: ["orders"] as TableKind[], in_report: true, columns: [] as ColumnSpec[] },
  rfm: { needs: ["orders"] as TableKind[], in_report: true, columns: [{"name":"recency","kind":{"kind":"days"},"doc":"Days from the customer's last line to the snapshot (at least 1)."},{"name":"frequency","kind":{"kind":"count"},"doc":"Distinct orders, return orders included."},{"name":"monetary_cents","kind":{"kind":"money"},"doc":"Sum of the customer's line values, returns negative, in minor units."},{"name":"r_score","kind":{"kind":"score"},"doc":"Recency score: the most recent customers score highest."},{"name":"f_score","kind":{"kind":"score"},"doc":"Frequency score."},{"name":"m_score","kind":{"kind":"score"},"doc":"Monetary score."},{"name":"segment","kind":{"kind":"code","names":["champions","loyal","potential_loyalist","new_customers","promising","need_attention","about_to_sleep","cannot_lose_them","at_risk","hibernating","lost"]},"doc":"The named segment of the R and F quintiles."}] as ColumnSpec[] },
} as const;
