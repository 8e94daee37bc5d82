-- Which websites may show the district's widget (`/embed/d/{slug}`) in a frame (issue 9),
-- as the server's `Content-Security-Policy: frame-ancestors` lists them: origins such as
-- `https://district.example`, separated by single spaces. Empty allows any site, which is
-- what a district had before the list existed, so no widget already placed stops working.
ALTER TABLE districts ADD COLUMN embed_origins TEXT NOT NULL DEFAULT '';
