// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/acquirer/api/AcquirerAgreement.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>

namespace pos {
namespace sim {
namespace {

// The simulator's agreement, version 2026-01. Fees and cycles below repeat the numbers of this text.
QString agreementText202601()
{
    return QStringLiteral(
        "特约商户受理协议（版本 2026-01）\n"
        "\n"
        "甲方（收单机构）：模拟收单服务有限公司\n"
        "乙方（特约商户）：以入网申请表所载商户名称为准\n"
        "\n"
        "第一条 受理范围\n"
        "甲方为乙方提供银行卡（借记卡、贷记卡，含磁条、芯片及非接触方式）受理服务及条码（扫码）支付受理服务。"
        "乙方应在其登记的经营地址、以其登记的经营范围受理交易，不得将受理终端移至他处或交由他人使用。\n"
        "\n"
        "第二条 手续费\n"
        "乙方按以下费率向甲方支付交易手续费，在结算时直接扣收：借记卡交易按交易金额的 0.50% 收取，单笔最高 "
        "20.00 元；"
        "贷记卡交易按交易金额的 0.60% 收取，不设封顶；条码支付交易按交易金额的 0.38% 收取。"
        "退货交易已收取的手续费不予退还。费率调整时，甲方应提前三十日书面通知乙方。\n"
        "\n"
        "第三条 资金结算\n"
        "甲方在交易日次一工作日（T+1）将扣除手续费后的交易资金划入乙方登记的结算账户；"
        "乙方申请并经甲方同意开通当日到账（D0）的，按甲方公布的规则办理。结算账户变更须经甲方审核。\n"
        "\n"
        "第四条 乙方的义务\n"
        "（一）乙方应真实、合法经营，如实进行交易，不得利用受理终端进行虚构交易、套取现金（套现）或为他人代收"
        "款项；\n"
        "（二）乙方不得篡改或伪造商户类别码、交易地点等交易信息，不得以任何方式“跳码”；\n"
        "（三）乙方应妥善保管交易凭证（签购单、小票及电子记录）至少一年，并在甲方调单时于五个工作日内提供；\n"
        "（四）受理终端遗失、被盗或出现异常时，乙方应立即通知甲方并配合停用终端；\n"
        "（五）乙方不得留存持卡人的卡号全文、磁道信息、卡片验证码及个人密码。\n"
        "\n"
        "第五条 争议交易与退单\n"
        "持卡人或发卡机构对交易提出争议的，乙方应配合调查并提供交易凭证。因乙方未按规定受理、无法提供凭证或交"
        "易不真实"
        "而发生的退单（拒付）款项及相关费用，由乙方承担，甲方有权从乙方的待结算资金中扣收。\n"
        "\n"
        "第六条 风险控制\n"
        "甲方有权根据风险情况设定乙方的单笔与单日交易限额，对可疑交易延迟结算或暂停受理服务，并依法报告。\n"
        "\n"
        "第七条 协议的终止\n"
        "任何一方可提前三十日书面通知对方终止本协议。乙方违反第四条约定的，甲方有权立即终止本协议并收回受理终"
        "端。"
        "协议终止后，双方对终止前发生的交易仍按本协议承担责任，乙方应在十个工作日内交还受理终端。\n"
        "\n"
        "第八条 其他\n"
        "本协议自乙方以电子签名方式确认、且甲方审核通过之日起生效。与本协议有关的争议，双方协商解决；"
        "协商不成的，提交甲方所在地人民法院诉讼解决。\n");
}

QList<PublishedAgreement> buildAgreements()
{
    PublishedAgreement current;
    current.version = QStringLiteral("2026-01");
    current.text = agreementText202601();
    current.fees = {{QStringLiteral("debit"), 50, 2000},
                    {QStringLiteral("credit"), 60, std::nullopt},
                    {QStringLiteral("qr"), 38, std::nullopt}};
    current.settlementCycles = {QStringLiteral("T+1"), QStringLiteral("D0")};
    return {current};
}

} // namespace

QString PublishedAgreement::textSha256() const
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString PublishedAgreement::feeScheduleText() const
{
    QStringList rows;
    for (const PublishedFee& fee : fees)
        rows.append(QStringLiteral("%1:%2:%3")
                        .arg(fee.tender)
                        .arg(fee.rateBasisPoints)
                        .arg(fee.capFen ? QString::number(*fee.capFen) : QString()));
    return rows.join(QLatin1Char('|'));
}

QJsonObject PublishedAgreement::json() const
{
    QJsonArray feeList;
    for (const PublishedFee& fee : fees) {
        QJsonObject row{{QStringLiteral("tender"), fee.tender},
                        {QStringLiteral("rateBasisPoints"), fee.rateBasisPoints}};
        if (fee.capFen)
            row.insert(QStringLiteral("capFen"), *fee.capFen);
        feeList.append(row);
    }
    return QJsonObject{{QStringLiteral("version"), version},
                       {QStringLiteral("text"), text},
                       {QStringLiteral("fees"), feeList},
                       {QStringLiteral("settlementCycles"), QJsonArray::fromStringList(settlementCycles)}};
}

const QList<PublishedAgreement>& publishedAgreements()
{
    static const QList<PublishedAgreement> agreements = buildAgreements();
    return agreements;
}

const PublishedAgreement& currentAgreement()
{
    return publishedAgreements().first();
}

const PublishedAgreement* findAgreement(const QString& version)
{
    for (const PublishedAgreement& agreement : publishedAgreements()) {
        if (agreement.version == version)
            return &agreement;
    }
    return nullptr;
}

} // namespace sim
} // namespace pos
