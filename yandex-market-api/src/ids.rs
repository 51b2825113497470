//! Yandex Market's identifiers, as newtypes.

use market_core::numeric_id;

numeric_id!(
    /// A business (`businessId`): the seller's cabinet, owner of the catalogue and prices.
    BusinessId
);
numeric_id!(
    /// A campaign (`campaignId`): one shop of a business on one delivery model (FBS, DBS, FBY, Express).
    CampaignId
);
numeric_id!(
    /// An order (`orderId`).
    OrderId
);
numeric_id!(
    /// A return (`returnId`).
    ReturnId
);
numeric_id!(
    /// A warehouse (`warehouseId`): the seller's own (FBS/DBS) or Yandex Market's (FBY).
    WarehouseId
);
numeric_id!(
    /// A Yandex Market category (`categoryId`).
    CategoryId
);
numeric_id!(
    /// A shipment of an order (`shipmentId`).
    ShipmentId
);
numeric_id!(
    /// A box of a shipment (`boxId`).
    BoxId
);
numeric_id!(
    /// A line of an order (`id` of an order item).
    OrderItemId
);
numeric_id!(
    /// Yandex Market's card of a product (`marketSku`).
    MarketSku
);
numeric_id!(
    /// A category parameter (characteristic) (`parameterId`).
    ParameterId
);
