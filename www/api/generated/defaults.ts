// Generated from the Rust types by `make types` (src/typegen/). Do not edit:
// tests/generated_types.rs fails when this file is stale.
/** Every default, as Rust holds it. */
export const DEFAULTS = {
  "sample": {
    "rows": 100000,
    "seed": 42
  },
  "split_min_bytes": 8388608,
  "split_window_bytes": 65536,
  "table_max_rows": 1000,
  "table_page_rows": 25,
  "analyses": {
    "audience": {
      "audiences": [],
      "columns": [],
      "compare": [],
      "where": ""
    },
    "basket": {
      "audiences": [],
      "consequents": "one",
      "max_itemsets": 100000,
      "max_len": 10,
      "min_confidence": 0.0,
      "min_lift": 1.0,
      "min_support": 0.005,
      "product": null,
      "together": 10,
      "where": ""
    },
    "behaviour": {},
    "clusters": {
      "dbscan_sample": 20000,
      "eps": null,
      "features": [
        "rfm.recency",
        "rfm.frequency",
        "rfm.monetary"
      ],
      "k": "auto",
      "k_max": 10,
      "k_min": 2,
      "log1p": true,
      "method": "kmeans",
      "min_samples": 10,
      "restarts": 10,
      "scan_restarts": 3,
      "seed": 0,
      "silhouette_sample": 4000
    },
    "clv": {
      "calibration_end": null,
      "discount_monthly": 0.01,
      "horizon_days": 90,
      "model": "bgnbd",
      "unit": "day",
      "validate": true
    },
    "customer_card": {
      "id": ""
    },
    "customers": {
      "id": null,
      "rule": []
    },
    "demographics": {},
    "lifecycle": {
      "active_days": null,
      "churn_days": null,
      "loyal_orders": null,
      "new_days": null
    },
    "overview": {},
    "profile": {
      "festivals": [
        "06-18",
        "11-11",
        "12-12",
        "spring_festival"
      ],
      "new_product_days": 30
    },
    "propensity": {
      "compare": true,
      "cutoff": null,
      "horizon_days": 90,
      "max_depth": 8,
      "model": "forest",
      "seed": 42,
      "target": "churn",
      "target_category": null,
      "thresholds": [
        0.3,
        0.5,
        0.7
      ],
      "trees": 100
    },
    "quality": {},
    "recommend": {
      "alpha": 1.0,
      "audiences": [],
      "categories": [],
      "customer": null,
      "evaluate": false,
      "exclude_bought": true,
      "factors": 64,
      "holdout_days": 30,
      "in_stock": [],
      "iterations": 15,
      "k": 10,
      "max_per_category": 0,
      "method": "itemcf",
      "neighbours": 100,
      "regularization": 0.01,
      "seed": 0,
      "shrinkage": 0.0,
      "trending_days": 30,
      "weight_als": 1.0,
      "weight_content": 0.5,
      "weight_itemcf": 1.0,
      "weight_popular": 0.1,
      "where": ""
    },
    "rfm": {
      "bins": 5,
      "snapshot_date": null
    },
    "tags": {
      "rules": []
    }
  },
  "limits": {
    "basket": {
      "max_itemsets": [
        1,
        2000000
      ],
      "max_len": [
        2,
        20
      ],
      "together": [
        1,
        100
      ]
    },
    "clusters": {
      "dbscan_sample": [
        100,
        50000
      ],
      "k": [
        2,
        20
      ],
      "k_max": [
        2,
        20
      ],
      "k_min": [
        2,
        20
      ],
      "min_samples": [
        2,
        65535
      ],
      "restarts": [
        1,
        50
      ],
      "scan_restarts": [
        1,
        50
      ],
      "silhouette_sample": [
        100,
        50000
      ]
    },
    "clv": {
      "horizon_days": [
        1,
        3650
      ]
    },
    "profile": {
      "new_product_days": [
        1,
        365
      ]
    },
    "propensity": {
      "horizon_days": [
        7,
        730
      ],
      "max_depth": [
        1,
        20
      ],
      "trees": [
        1,
        500
      ]
    },
    "recommend": {
      "factors": [
        1,
        256
      ],
      "holdout_days": [
        1,
        3650
      ],
      "iterations": [
        1,
        100
      ],
      "k": [
        1,
        100
      ],
      "max_per_category": [
        0,
        100
      ],
      "neighbours": [
        0,
        100000
      ],
      "trending_days": [
        1,
        3650
      ]
    },
    "rfm": {
      "bins": [
        2,
        10
      ]
    }
  }
} as const;
