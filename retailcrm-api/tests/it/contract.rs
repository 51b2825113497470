//! Contract tests: every real answer body of `spec/examples/` (copied from the official
//! clients' test suites) decodes into its wire type, strictly under `--all-features` (every
//! field of the body is a field of the type), and the typed value serialises back to the
//! same members.

use retailcrm_api::models::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::common::example;

fn check<T: DeserializeOwned + Serialize>(name: &str) -> Result<(), String> {
    let body = example(name);
    let value: T = market_core::transport::decode_json("retailcrm", "contract", &body)
        .map_err(|e| format!("{name}: {e}"))?;
    // Every member the body sets comes back when the value is written again.
    let again = serde_json::to_value(&value).map_err(|e| format!("{name}: {e}"))?;
    let original: serde_json::Value = serde_json::from_slice(&body).map_err(|e| e.to_string())?;
    if let (Some(a), Some(b)) = (again.as_object(), original.as_object()) {
        for key in b.keys() {
            if !a.contains_key(key) && !b[key].is_null() && b[key] != serde_json::json!([]) {
                return Err(format!("{name}: top-level member {key} is lost on writing"));
            }
        }
    }
    Ok(())
}

type Check = fn(&str) -> Result<(), String>;

/// Every example and the type it decodes into.
pub const EXAMPLES: &[(&str, Check)] = &[
    ("customers.customers-combine", check::<Ack>),
    ("customers.customers-create", check::<Created>),
    ("customers.customers-edit", check::<Created>),
    ("customers.customers-edit-tags", check::<Created>),
    ("customers.customers-fix-external-ids", check::<Ack>),
    ("customers.customers-get", check::<CustomerAnswer>),
    ("customers.customers-history", check::<CustomersHistoryPage>),
    ("customers.customers-list", check::<CustomersPage>),
    ("customers.customers-notes", check::<NotesPage>),
    ("customers.customers-notes-create", check::<Created>),
    ("customers.customers-notes-delete", check::<Ack>),
    ("customers.customers-subscriptions", check::<Ack>),
    ("customers.customers-upload", check::<CustomersUploaded>),
    ("delivery.calculate", check::<DeliveryCalculation>),
    ("delivery.shipments", check::<ShipmentsPage>),
    ("delivery.shipments-create", check::<ShipmentSaved>),
    ("delivery.shipments-edit", check::<ShipmentSaved>),
    ("delivery.shipments-get", check::<ShipmentAnswer>),
    ("delivery.tracking", check::<Ack>),
    ("error.post-error-response-handling", check::<Ack>),
    ("go.costs-upload.partial-failure.460", check::<Ack>),
    (
        "go.customers-corporate-upload.partial-failure.460",
        check::<CustomersUploaded>,
    ),
    (
        "go.customers-upload.partial-failure.460",
        check::<CustomersUploaded>,
    ),
    (
        "go.orders-upload.partial-failure.460",
        check::<OrdersUploaded>,
    ),
    (
        "orders.cancel-bonus-operations",
        check::<LoyaltyOrderAnswer>,
    ),
    ("orders.combine", check::<OrdersCombined>),
    ("orders.create", check::<OrderSaved>),
    ("orders.delivery-cancel", check::<Ack>),
    ("orders.edit", check::<OrderSaved>),
    ("orders.fix-external-ids", check::<Ack>),
    ("orders.get", check::<OrderAnswer>),
    ("orders.history", check::<OrdersHistoryPage>),
    ("orders.links-create", check::<Ack>),
    ("orders.list", check::<OrdersPage>),
    ("orders.loyalty-apply", check::<LoyaltyOrderAnswer>),
    ("orders.payments-create", check::<Created>),
    ("orders.payments-delete", check::<Ack>),
    ("orders.payments-edit", check::<Created>),
    ("orders.statuses", check::<OrderStatuses>),
    ("orders.upload", check::<OrdersUploaded>),
    ("packs.create", check::<Created>),
    ("packs.delete", check::<Ack>),
    ("packs.edit", check::<Created>),
    ("packs.get", check::<PackAnswer>),
    ("packs.history", check::<PacksHistoryPage>),
    ("packs.list", check::<PacksPage>),
    ("payments.check", check::<PaymentCheck>),
    ("payments.create-invoice", check::<InvoiceCreated>),
    ("payments.get-invoice", check::<Ack>),
    ("payments.import-invoice", check::<InvoiceImported>),
    ("payments.update-invoice", check::<Ack>),
    ("references.cost-groups", check::<CostGroupsBook>),
    ("references.cost-groups-edit", check::<Ack>),
    ("references.cost-items", check::<CostItemsBook>),
    ("references.cost-items-edit", check::<Ack>),
    ("references.countries", check::<CountriesBook>),
    ("references.couriers", check::<CouriersBook>),
    ("references.couriers-create", check::<Created>),
    ("references.couriers-edit", check::<Ack>),
    ("references.currencies", check::<CurrenciesBook>),
    ("references.currencies-create", check::<Created>),
    ("references.currencies-edit", check::<Ack>),
    (
        "references.delivery-services",
        check::<DeliveryServicesBook>,
    ),
    ("references.delivery-services-edit", check::<Ack>),
    ("references.delivery-types", check::<DeliveryTypesBook>),
    ("references.delivery-types-edit", check::<Ack>),
    ("references.legal-entities", check::<LegalEntitiesBook>),
    ("references.legal-entities-edit", check::<Ack>),
    ("references.mg-channels", check::<MgChannelsBook>),
    ("references.order-methods", check::<OrderMethodsBook>),
    ("references.order-methods-edit", check::<Ack>),
    ("references.order-types", check::<OrderTypesBook>),
    ("references.order-types-edit", check::<Ack>),
    ("references.payment-statuses", check::<PaymentStatusesBook>),
    ("references.payment-statuses-edit", check::<Ack>),
    ("references.payment-types", check::<PaymentTypesBook>),
    ("references.payment-types-edit", check::<Ack>),
    ("references.price-types", check::<PriceTypesBook>),
    ("references.price-types-edit", check::<Ack>),
    ("references.product-statuses", check::<ProductStatusesBook>),
    ("references.product-statuses-edit", check::<Ack>),
    ("references.sites", check::<SitesBook>),
    ("references.sites-edit", check::<Ack>),
    ("references.status-groups", check::<StatusGroupsBook>),
    ("references.statuses", check::<StatusesBook>),
    ("references.statuses-edit", check::<Ack>),
    ("references.stores", check::<StoresBook>),
    ("references.stores-edit", check::<Ack>),
    ("references.units", check::<UnitsBook>),
    ("references.units-edit", check::<Ack>),
    ("settings.get", check::<SettingsAnswer>),
    ("store.inventories", check::<InventoriesPage>),
    ("store.inventories-upload", check::<InventoriesUploaded>),
    ("store.offers", check::<OffersPage>),
    ("store.prices-upload", check::<PricesUploaded>),
    ("store.product-batch-create", check::<ProductsCreated>),
    ("store.product-batch-edit", check::<Ack>),
    ("store.product-groups", check::<ProductGroupsPage>),
    ("store.product-groups-create", check::<Created>),
    ("store.product-groups-edit", check::<Created>),
    ("store.product-properties", check::<ProductPropertiesPage>),
    ("store.product-property-values", check::<PropertyValuesPage>),
    ("store.products", check::<ProductsPage>),
    ("store.products-since-updated", check::<ProductsPage>),
    ("users.get", check::<UserAnswer>),
    ("users.list", check::<UsersPage>),
    ("users.status", check::<Ack>),
    ("users.user-groups", check::<UserGroupsPage>),
];

#[test]
fn every_example_decodes_into_its_type() {
    let failures: Vec<String> = EXAMPLES
        .iter()
        .filter_map(|(name, check)| check(name).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_example_file_is_checked() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/spec/examples");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let Some(stem) = name.strip_suffix(".response.json") else {
            continue;
        };
        if !EXAMPLES.iter().any(|(n, _)| *n == stem) {
            missing.push(stem.to_owned());
        }
    }
    assert!(
        missing.is_empty(),
        "examples without a contract test: {missing:?}"
    );
}

#[test]
fn a_real_order_reads_into_typed_money_ids_and_times() {
    let body = example("orders.get");
    let answer: OrderAnswer = serde_json::from_slice(&body).unwrap();
    let order = answer.order;
    assert!(order.id.is_some());
    let item = &order.items.as_ref().unwrap()[0];
    assert_eq!(item.initial_price, Some(rust_decimal::Decimal::ONE));
    assert!(order.created_at.is_some());
    let payments = order.payments.as_ref().unwrap();
    assert_eq!(
        payments.get("4326").and_then(|p| p.id),
        Some(retailcrm_api::PaymentId(4326))
    );
}

#[test]
fn reference_books_keyed_by_code_read_as_maps() {
    let body = example("references.delivery-types");
    let book: DeliveryTypesBook = serde_json::from_slice(&body).unwrap();
    assert!(book.delivery_types.get("ozon-seller").is_some());
    let body = example("references.stores");
    let stores: StoresBook = serde_json::from_slice(&body).unwrap();
    assert!(!stores.stores.is_empty());
}

#[test]
fn partial_failure_bodies_keep_their_errors_by_field() {
    let body = example("go.customers-upload.partial-failure.460");
    let answer: CustomersUploaded = serde_json::from_slice(&body).unwrap();
    let errors = answer.errors.unwrap();
    assert_eq!(
        errors.field("managerId").as_deref(),
        Some("Something went wrong")
    );
    let body = example("go.orders-upload.partial-failure.460");
    let answer: OrdersUploaded = serde_json::from_slice(&body).unwrap();
    assert_eq!(answer.failed_orders[0].external_id.as_deref(), Some("123"));
    let errors = answer.errors.unwrap();
    assert_eq!(
        errors.field("items[0].offer.id").as_deref(),
        Some("Offer with id 123 not found.")
    );
}
