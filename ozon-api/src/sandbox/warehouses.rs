//! Handlers of the warehouses section (`api/warehouses.rs`): the warehouse list.

use super::*;

impl State {
    pub(super) fn warehouse_list(&self, body: &[u8]) -> Handled {
        let request: WarehouseListRequest = parse(body)?;
        check_limit(request.limit, WAREHOUSE_LIST_PAGE_MAX)?;
        if request.warehouse_ids.len() > 200 {
            return Err(invalid("warehouse_ids: at most 200 are allowed"));
        }
        let start = parse_cursor(&request.cursor)?;
        let matching: Vec<&WarehouseRec> = self
            .warehouses
            .iter()
            .filter(|w| request.warehouse_ids.is_empty() || request.warehouse_ids.contains(&w.id))
            .collect();
        let limit = usize::try_from(request.limit).unwrap_or(0);
        let warehouses: Vec<Warehouse> = matching
            .iter()
            .skip(start)
            .take(limit)
            .map(|w| Warehouse {
                first_mile: Some(FirstMile {
                    first_mile_type: Some(FirstMileType::PickUp),
                    ..FirstMile::default()
                }),
                is_rfbs: w.rfbs,
                min_postings_limit: 0,
                name: w.name.clone(),
                postings_limit: -1,
                status: Some(WarehouseStatus::Created),
                warehouse_id: w.id,
                working_days: vec![
                    Weekday::Monday,
                    Weekday::Tuesday,
                    Weekday::Wednesday,
                    Weekday::Thursday,
                    Weekday::Friday,
                ],
                ..Warehouse::default()
            })
            .collect();
        let (cursor, has_next) = next_cursor(start, warehouses.len(), matching.len());
        ok(&WarehouseListResponse {
            cursor,
            warehouses,
            has_next,
        })
    }
}
