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
</TS>
