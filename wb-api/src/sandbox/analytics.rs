//! Analytics handlers: the stock report of WB's warehouses.

use super::*;

impl State {
    // ---- analytics ----------------------------------------------------------------------

    /// The stock report of WB's warehouses: one row per size (WB reports its warehouses as
    /// one, `-999999` "Склад WB"), by article and size, paged by `offset` and `limit`.
    pub(super) fn stocks_report(&self, body: &[u8]) -> Handled {
        let request: InventoryRequest = parse(body, analytics_bad_request)?;
        if request.nm_ids.len() > STOCKS_REPORT_WB_WAREHOUSES_MAX {
            return Err(analytics_error(400, "nmIds: too many items"));
        }
        let limit = request
            .limit
            .unwrap_or(STOCKS_REPORT_WB_WAREHOUSES_PAGE_MAX);
        if limit > STOCKS_REPORT_WB_WAREHOUSES_PAGE_MAX {
            return Err(analytics_error(400, "limit: must be at most 250000"));
        }
        let mut rows: Vec<InventoryWbItem> = Vec::new();
        for c in &self.cards {
            if !request.nm_ids.is_empty() && !request.nm_ids.contains(&c.nm_id) {
                continue;
            }
            for s in &c.sizes {
                if !request.nm_ids.is_empty()
                    && !request.chrt_ids.is_empty()
                    && !request.chrt_ids.contains(&s.chrt_id)
                {
                    continue;
                }
                rows.push(InventoryWbItem {
                    nm_id: c.nm_id,
                    chrt_id: s.chrt_id,
                    warehouse_id: -999_999,
                    warehouse_name: "Склад WB".into(),
                    region_name: "Склад WB".into(),
                    quantity: s.fbo,
                    in_way_to_client: s.fbo / 10,
                    in_way_from_client: s.fbo / 40,
                });
            }
        }
        rows.sort_by_key(|r| (r.nm_id, r.chrt_id));
        let offset = usize::try_from(request.offset.unwrap_or(0)).unwrap_or(usize::MAX);
        let items: Vec<InventoryWbItem> =
            rows.into_iter().skip(offset).take(limit as usize).collect();
        ok(&InventoryWbEnvelope {
            data: InventoryWbResponse { items },
        })
    }
}
