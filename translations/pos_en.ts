<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>pos::ui::ShellText</name>
    <message numerus="yes">
        <source>Unsynced: %n</source>
        <translation>
            <numerusform>Unsynced: %n</numerusform>
            <numerusform>Unsynced: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pos::validation::BankAccounts</name>
    <message numerus="yes">
        <source>A bank card number has 12 to 19 digits; this one has %n.</source>
        <translation>
            <numerusform>A bank card number has 12 to 19 digits; this one has %n.</numerusform>
            <numerusform>A bank card number has 12 to 19 digits; this one has %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A corporate account number has 8 to 30 digits; this one has %n.</source>
        <translation>
            <numerusform>A corporate account number has 8 to 30 digits; this one has %n.</numerusform>
            <numerusform>A corporate account number has 8 to 30 digits; this one has %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pos::validation::ChineseIds</name>
    <message numerus="yes">
        <source>A unified social credit code has 18 characters; this one has %n.</source>
        <translation>
            <numerusform>A unified social credit code has 18 characters; this one has %n.</numerusform>
            <numerusform>A unified social credit code has 18 characters; this one has %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A resident ID number has 18 characters; this one has %n.</source>
        <translation>
            <numerusform>A resident ID number has 18 characters; this one has %n.</numerusform>
            <numerusform>A resident ID number has 18 characters; this one has %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pos::validation::ContactDetails</name>
    <message numerus="yes">
        <source>A mainland mobile number has 11 digits; this one has %n.</source>
        <translation>
            <numerusform>A mainland mobile number has 11 digits; this one has %n.</numerusform>
            <numerusform>A mainland mobile number has 11 digits; this one has %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A name has 2 to 30 characters; this one has %n.</source>
        <translation>
            <numerusform>A name has 2 to 30 characters; this one has %n.</numerusform>
            <numerusform>A name has 2 to 30 characters; this one has %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A business name has 2 to 100 characters; this one has %n.</source>
        <translation>
            <numerusform>A business name has 2 to 100 characters; this one has %n.</numerusform>
            <numerusform>A business name has 2 to 100 characters; this one has %n.</numerusform>
        </translation>
    </message>
</context>
</TS>
