-- A text a conversation flow answered is remembered with the answer it got: Twilio's retry of it gets the same
-- answer and makes no second turn.
alter table sms_inbound add column answer text;
