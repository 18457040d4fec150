-- The bot's quick replies under its message (one choice a line), shown as buttons that send the choice.
alter table webchat_message add column quick_replies text;
