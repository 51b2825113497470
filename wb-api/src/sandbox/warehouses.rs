//! Warehouses handlers: seller warehouses and WB offices.

use super::*;

impl State {
    // ---- warehouses ---------------------------------------------------------------------

    pub(super) fn warehouse_list(&self) -> Handled {
        let list: Vec<Warehouse> = self
            .warehouses
            .iter()
            .map(|w| Warehouse {
                name: w.name.clone(),
                office_id: OfficeId(OFFICE_LIST.get(w.office).map_or(0, |o| o.0)),
                id: w.id,
                cargo_type: Some(WarehouseCargo::Small),
                delivery_type: Some(WarehouseDelivery::Fbs),
                is_deleting: false,
                is_processing: false,
            })
            .collect();
        ok(&list)
    }

    pub(super) fn office_list(&self) -> Handled {
        let list: Vec<Office> = OFFICE_LIST
            .iter()
            .enumerate()
            .map(|(i, o)| Office {
                address: o.3.into(),
                name: o.1.into(),
                city: o.2.into(),
                id: OfficeId(o.0),
                longitude: o.5,
                latitude: o.4,
                cargo_type: Some(WarehouseCargo::Small),
                delivery_type: Some(WarehouseDelivery::Fbs),
                federal_district: Some(o.6.into()),
                selected: self.warehouses.iter().any(|w| w.office == i),
            })
            .collect();
        ok(&list)
    }
}
