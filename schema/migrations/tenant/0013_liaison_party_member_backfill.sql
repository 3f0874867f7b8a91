-- The liaison's party membership was not recorded before; the member form asked
-- for "成员单位确定一名党员担任联络员", so a liaison already named is taken to be a
-- party member. Members without a liaison stay false and show as pending.
UPDATE alliance_members SET liaison_party_member = 1 WHERE liaison_name IS NOT NULL;
