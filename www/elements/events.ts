/**
 * Typed events the Portrait elements dispatch. All bubble and are composed, so an embedder
 * can listen on any ancestor (GitHub elements' convention).
 */

import type { IngestOptions, Segment, Input, TableKind } from '../api/types.js';

/** The user chose or dropped files. */
export class PortraitFilesEvent extends Event {
  static readonly type = 'portrait-files';
  constructor(public readonly files: File[]) {
    super(PortraitFilesEvent.type, { bubbles: true, composed: true });
  }
}

/** The user asked to cancel the running analysis. */
export class PortraitCancelEvent extends Event {
  static readonly type = 'portrait-cancel';
  constructor() {
    super(PortraitCancelEvent.type, { bubbles: true, composed: true });
  }
}

/** The user confirmed a mapping / date order: re-run the ingest with these options. */
export class PortraitMappingEvent extends Event {
  static readonly type = 'portrait-mapping';
  constructor(public readonly options: Input<IngestOptions>) {
    super(PortraitMappingEvent.type, { bubbles: true, composed: true });
  }
}

/** The user chose another sheet of a workbook in the mapping panel: inspect it again. */
export class PortraitSheetEvent extends Event {
  static readonly type = 'portrait-sheet';
  constructor(
    public readonly file: string,
    public readonly sheet: string,
  ) {
    super(PortraitSheetEvent.type, { bubbles: true, composed: true });
  }
}

/** The user chose how a file is read: another platform export (`platform`: a profile id,
 * `none`, or `null` to recognise it from the header). */
export class PortraitPlatformEvent extends Event {
  static readonly type = 'portrait-platform';
  constructor(
    public readonly file: string,
    public readonly platform: string | null,
  ) {
    super(PortraitPlatformEvent.type, { bubbles: true, composed: true });
  }
}

/** The user chose which table a file holds (`null`: recognise it from the header). */
export class PortraitTableEvent extends Event {
  static readonly type = 'portrait-table';
  constructor(
    public readonly file: string,
    public readonly table: TableKind | null,
  ) {
    super(PortraitTableEvent.type, { bubbles: true, composed: true });
  }
}

/** The user closed a panel (mapping, error) without acting. */
export class PortraitDismissEvent extends Event {
  static readonly type = 'portrait-dismiss';
  constructor() {
    super(PortraitDismissEvent.type, { bubbles: true, composed: true });
  }
}

/** The user wants to pick another file (from the error state). */
export class PortraitRetryEvent extends Event {
  static readonly type = 'portrait-retry';
  constructor() {
    super(PortraitRetryEvent.type, { bubbles: true, composed: true });
  }
}

/** The user selected a segment (chart, grid or table) — `null` for all. */
export class PortraitSegmentEvent extends Event {
  static readonly type = 'portrait-segment';
  constructor(public readonly segment: Segment | null) {
    super(PortraitSegmentEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'portrait-files': PortraitFilesEvent;
    'portrait-cancel': PortraitCancelEvent;
    'portrait-mapping': PortraitMappingEvent;
    'portrait-sheet': PortraitSheetEvent;
    'portrait-platform': PortraitPlatformEvent;
    'portrait-table': PortraitTableEvent;
    'portrait-dismiss': PortraitDismissEvent;
    'portrait-retry': PortraitRetryEvent;
    'portrait-segment': PortraitSegmentEvent;
  }
}
