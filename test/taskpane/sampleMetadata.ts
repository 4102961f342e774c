/**
 * A small functions.json in the shape custom-functions-metadata generates (including the
 * top-level flag the build adds), listed out of order to show the pane sorts by name.
 */
export const SAMPLE_METADATA = {
  allowErrorForDataTypeAny: true,
  functions: [
    {
      id: "SAFETYSTOCK",
      name: "SAFETYSTOCK",
      description: "Safety stock for a cycle service level or fill-rate target.",
      parameters: [
        {
          name: "service_level",
          description: "Target service level, between 0 and 1.",
          type: "any",
          dimensionality: "matrix",
        },
        {
          name: "demand_sd",
          description: "Standard deviation of demand per period.",
          type: "any",
          dimensionality: "matrix",
        },
        { name: "lead_time", description: "Lead time in periods.", type: "any", dimensionality: "matrix" },
        {
          name: "demand_mean",
          description: "Mean demand per period (default 0).",
          type: "any",
          dimensionality: "matrix",
          optional: true,
        },
      ],
      result: { dimensionality: "matrix" },
    },
    {
      id: "DIO",
      name: "DIO",
      description: "Days inventory outstanding: average inventory ÷ total COGS × days.",
      parameters: [
        { name: "inventory", description: "Inventory balances.", type: "any", dimensionality: "matrix" },
        {
          name: "cogs",
          description: "Cost of goods sold over the same periods.",
          type: "any",
          dimensionality: "matrix",
        },
        {
          name: "days",
          description: "Days in the period (default 365).",
          type: "any",
          dimensionality: "matrix",
          optional: true,
        },
      ],
      result: { dimensionality: "matrix" },
    },
    {
      id: "EOQ",
      name: "EOQ",
      description: "Economic order quantity: the lot size that minimises ordering plus holding cost.",
      parameters: [
        { name: "annual_demand", description: "Units per year.", type: "any", dimensionality: "matrix" },
        { name: "order_cost", description: "Cost per order.", type: "any", dimensionality: "matrix" },
        { name: "unit_cost", description: "Cost per unit.", type: "any", dimensionality: "matrix" },
        {
          name: "holding_rate",
          description: "Annual holding cost as a share of unit cost.",
          type: "any",
          dimensionality: "matrix",
        },
      ],
      result: { dimensionality: "matrix" },
    },
  ],
};
