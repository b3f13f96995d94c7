import { describe, expect, it } from 'vitest';
import {
  assign,
  mappingFromSelections,
  missingFields,
  sampleValues,
  selectionsFromMapping,
  withDateOrder,
  withMapping,
  withProposals,
  withSheet,
} from './mapping-model.js';

describe('mapping override builder', () => {
  it('turns a mapping into per-column choices and back, in contract order', () => {
    const sel = selectionsFromMapping(4, [
      { field: 'quantity', column: 3 },
      { field: 'order_id', column: 0 },
      { field: 'customer_id', column: 9 }, // outside the header: dropped
    ]);
    expect(sel).toEqual(['order_id', null, null, 'quantity']);
    expect(mappingFromSelections(sel)).toEqual([
      { field: 'order_id', column: 0 },
      { field: 'quantity', column: 3 },
    ]);
  });

  it('moves a field that is chosen for a second column', () => {
    let sel = selectionsFromMapping(3, [{ field: 'customer_id', column: 0 }]);
    sel = assign(sel, 2, 'customer_id');
    expect(sel).toEqual([null, null, 'customer_id']);
    sel = assign(sel, 2, null);
    expect(sel).toEqual([null, null, null]);
  });

  it('reports missing required fields like the core', () => {
    expect(missingFields([])).toEqual(['order_id', 'customer_id', 'order_date', 'quantity', 'unit_price']);
    const base = [
      { field: 'order_id', column: 0 },
      { field: 'customer_id', column: 1 },
      { field: 'order_date', column: 2 },
    ] as const;
    // a line amount stands in for quantity × unit price
    expect(missingFields([...base, { field: 'line_amount', column: 3 }])).toEqual([]);
    expect(missingFields([...base, { field: 'quantity', column: 3 }])).toEqual(['unit_price']);
    expect(missingFields([...base, { field: 'unit_price', column: 3 }])).toEqual(['quantity']);
  });

  it('switches a file to another sheet and drops its column mapping', () => {
    const options = { files: [{ file: 'a.xlsx', sheet: 'Orders', mapping: [{ field: 'order_id' as const, column: 1 }] }] };
    expect(withSheet(options, 'a.xlsx', 'Serials')).toEqual({ files: [{ file: 'a.xlsx', sheet: 'Serials' }] });
    expect(withSheet({}, 'b.xlsx', 'Q2')).toEqual({ files: [{ file: 'b.xlsx', sheet: 'Q2' }] });
    expect(options.files[0]!.sheet).toBe('Orders'); // not mutated
  });

  it('layers a file mapping on the options, keeping other files and the sheet', () => {
    const options = { files: [{ file: 'a.xlsx', sheet: 'Orders' }, { file: 'b.csv', mapping: [] }], date_order: 'day_first' as const };
    const next = withMapping(options, 'a.xlsx', [{ field: 'order_id', column: 1 }]);
    expect(next).toEqual({
      files: [{ file: 'a.xlsx', sheet: 'Orders', mapping: [{ field: 'order_id', column: 1 }] }, { file: 'b.csv', mapping: [] }],
      date_order: 'day_first',
    });
    expect(options.files[0]).toEqual({ file: 'a.xlsx', sheet: 'Orders' }); // not mutated
    expect(withMapping({}, 'c.csv', [])).toEqual({ files: [{ file: 'c.csv', mapping: [] }] });
    expect(withDateOrder({}, 'month_first')).toEqual({ date_order: 'month_first' });
  });

  it('takes distinct non-empty sample values from the preview', () => {
    const preview = [['1', ''], ['1', 'x'], ['2', 'y'], ['3', 'z'], ['4', 'w']];
    expect(sampleValues(preview, 0)).toEqual(['1', '2', '3']);
    expect(sampleValues(preview, 1, 2)).toEqual(['x', 'y']);
    expect(sampleValues(preview, 5)).toEqual([]);
  });


  it('pre-selects content proposals on free columns only', () => {
    const sel = selectionsFromMapping(4, [{ field: 'order_id', column: 0 }]);
    const next = withProposals(sel, {
      proposals: [
        { field: 'order_date', column: 2, header: 'Datum', samples: ['2024-03-01'] },
        { field: 'customer_id', column: 0, header: 'Belegnr', samples: [] },
      ],
    });
    expect(next).toEqual(['order_id', null, 'order_date', null]);
  });
});
