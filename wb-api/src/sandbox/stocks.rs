//! Stocks handlers: update, read and delete, with WB's `StoreIsProcessing` refusal.

use super::*;

impl State {
    // ---- stocks -------------------------------------------------------------------------

    pub(super) fn stock_warehouse(&self, args: &Args) -> Result<WarehouseId, Answer> {
        let id: i64 = args
            .param("warehouseId")
            .parse()
            .map_err(|_| mp_error(400, "IncorrectParameter", "IncorrectParameter"))?;
        self.warehouse(WarehouseId(id))
            .map(|w| w.id)
            .ok_or_else(|| mp_error(404, "NotFound", ""))
    }

    /// Counts down an injected `StoreIsProcessing`: `true` when this request is refused.
    pub(super) fn store_is_processing(&mut self, warehouse: WarehouseId) -> bool {
        match self.store_processing.get_mut(&warehouse) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    }

    /// WB's refusal of a request that names sizes by barcode (`sku`), which 2026-08 no longer
    /// takes.
    pub(super) fn refuses_sku(body: &[u8]) -> Result<(), Answer> {
        let v: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
        let by_sku = v.get("skus").is_some()
            || v["stocks"]
                .as_array()
                .is_some_and(|items| items.iter().any(|i| i.get("sku").is_some()));
        if by_sku {
            return Err(mp_error(
                400,
                "SKUUploadDisabled",
                "Uploading stock is not allowed by 'sku'. Please use the 'chrtId' key",
            ));
        }
        Ok(())
    }

    pub(super) fn stocks_update(&mut self, args: &Args, body: &[u8]) -> Handled {
        let warehouse = self.stock_warehouse(args)?;
        let bad_body = || mp_error(400, "IncorrectRequestBody", "Incorrect required body");
        Self::refuses_sku(body)?;
        let request: StocksUpdateRequest = parse(body, bad_body)?;
        if request.stocks.is_empty() || request.stocks.len() > STOCKS_UPDATE_MAX {
            return Err(bad_body());
        }
        let invalid = request
            .stocks
            .iter()
            .any(|s| s.chrt_id.get() <= 0 || !(0..=AMOUNT_MAX).contains(&s.amount));
        if invalid {
            return Err(mp_error(
                400,
                "IncorrectRequest",
                "Переданы некорректные данные",
            ));
        }
        if self.store_is_processing(warehouse) {
            return Err(json_answer(
                409,
                &to_json(&vec![StocksConflict {
                    data: Vec::new(),
                    code: "StoreIsProcessing".into(),
                    message: "The store is processing".into(),
                }]),
            ));
        }
        let unknown: Vec<StocksConflictItem> = request
            .stocks
            .iter()
            .filter(|item| !self.chrt_index.contains_key(&item.chrt_id))
            .map(|item| StocksConflictItem {
                chrt_id: Some(item.chrt_id),
                sku: String::new(),
                amount: item.amount,
            })
            .collect();
        if !unknown.is_empty() {
            // WB refuses the whole request and names the items it does not know.
            return Err(json_answer(
                409,
                &to_json(&vec![StocksConflict {
                    data: unknown,
                    code: "NotFound".into(),
                    message: "Not found".into(),
                }]),
            ));
        }
        for item in &request.stocks {
            self.stocks.insert((item.chrt_id, warehouse), item.amount);
        }
        Ok(Answer::empty(204))
    }

    pub(super) fn stocks_read(&self, args: &Args, body: &[u8]) -> Handled {
        let warehouse = self.stock_warehouse(args)?;
        let bad_body = || mp_error(400, "IncorrectRequestBody", "Incorrect required body");
        Self::refuses_sku(body)?;
        let request: StocksReadRequest = parse(body, bad_body)?;
        if request.chrt_ids.is_empty() || request.chrt_ids.len() > STOCKS_READ_MAX {
            return Err(bad_body());
        }
        let stocks = request
            .chrt_ids
            .iter()
            .filter(|c| self.chrt_index.contains_key(c))
            .filter_map(|c| {
                let amount = *self.stocks.get(&(*c, warehouse))?;
                Some(Stock {
                    chrt_id: *c,
                    amount,
                })
            })
            .collect();
        ok(&StocksReadResponse { stocks })
    }

    pub(super) fn stocks_delete(&mut self, args: &Args, body: &[u8]) -> Handled {
        let warehouse = self.stock_warehouse(args)?;
        let bad_body = || mp_error(400, "IncorrectRequestBody", "Incorrect required body");
        Self::refuses_sku(body)?;
        let request: StocksDeleteRequest = parse(body, bad_body)?;
        if request.chrt_ids.is_empty() || request.chrt_ids.len() > STOCKS_DELETE_MAX {
            return Err(bad_body());
        }
        if self.store_is_processing(warehouse) {
            return Err(mp_error(
                409,
                "StoreIsProcessing",
                "The store is processing",
            ));
        }
        let unknown: Vec<String> = request
            .chrt_ids
            .iter()
            .filter(|c| !self.chrt_index.contains_key(c))
            .map(ToString::to_string)
            .collect();
        if !unknown.is_empty() {
            let data: serde_json::Map<String, Value> = unknown
                .into_iter()
                .map(|k| (k, Value::String(String::new())))
                .collect();
            return Err(mp_error_with(
                404,
                "NotFound",
                "",
                Some(Value::Object(data)),
            ));
        }
        for chrt in &request.chrt_ids {
            self.stocks.remove(&(*chrt, warehouse));
        }
        Ok(Answer::empty(204))
    }
}
