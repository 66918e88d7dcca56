-- An organisation recorded as a licensed auction enterprise (拍卖企业) keeps its licence number
-- here; only then are its English auctions labelled 拍卖 ("auction"), otherwise 竞价 ("bidding
-- sale"): DOMAIN.md "Business formats", docs/market.md.
ALTER TABLE organisations ADD COLUMN auction_licence TEXT;
