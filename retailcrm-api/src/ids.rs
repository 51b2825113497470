//! Identifier newtypes: RetailCRM's internal numeric ids. External ids (`externalId`) and the
//! codes of reference books (sites, stores, statuses) are strings the tenant chooses.

market_core::numeric_id!(
    /// An order's internal id (`order.id`), as opposed to its `externalId` and `number`.
    OrderId
);
market_core::numeric_id!(
    /// A position of an order (`order.items[].id`).
    OrderItemId
);
market_core::numeric_id!(
    /// An individual customer's internal id (`customer.id`).
    CustomerId
);
market_core::numeric_id!(
    /// A corporate customer's internal id (`customerCorporate.id`).
    CorporateCustomerId
);
market_core::numeric_id!(
    /// A history record's id: the cursor of `orders/history`, `customers/history` and the
    /// other `*/history` reads (`filter[sinceId]`).
    HistoryId
);
market_core::numeric_id!(
    /// A pack (an item's shipment from a store) id.
    PackId
);
market_core::numeric_id!(
    /// A payment of an order (`order.payments[].id`).
    PaymentId
);
market_core::numeric_id!(
    /// A user (manager) of the CRM.
    UserId
);
market_core::numeric_id!(
    /// A product of the catalogue (`store/products`).
    ProductId
);
market_core::numeric_id!(
    /// A product group of the catalogue (`store/product-groups`).
    ProductGroupId
);
market_core::numeric_id!(
    /// A trade offer (a variant of a product; what stocks and prices are set on).
    OfferId
);
market_core::numeric_id!(
    /// A note of a customer.
    NoteId
);
market_core::numeric_id!(
    /// A task of a manager.
    TaskId
);
market_core::numeric_id!(
    /// An uploaded file.
    FileId
);
market_core::numeric_id!(
    /// A cost (expense) record.
    CostId
);
market_core::numeric_id!(
    /// A delivery shipment (`delivery/shipments`).
    ShipmentId
);
market_core::numeric_id!(
    /// A loyalty-programme account.
    LoyaltyAccountId
);
