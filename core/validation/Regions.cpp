// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "core/validation/Regions.h"

#include <algorithm>
#include <array>

namespace pos {
namespace validation {
namespace {

// GB/T 2260 province-level codes (民政部 行政区划代码). English names follow the usual romanisation of the
// province (Shaanxi for 陕西, Inner Mongolia for 内蒙古, Tibet for 西藏).
constexpr std::array<Province, 34> kProvinces{{
    {11, u"北京市", "Beijing"},
    {12, u"天津市", "Tianjin"},
    {13, u"河北省", "Hebei"},
    {14, u"山西省", "Shanxi"},
    {15, u"内蒙古自治区", "Inner Mongolia"},
    {21, u"辽宁省", "Liaoning"},
    {22, u"吉林省", "Jilin"},
    {23, u"黑龙江省", "Heilongjiang"},
    {31, u"上海市", "Shanghai"},
    {32, u"江苏省", "Jiangsu"},
    {33, u"浙江省", "Zhejiang"},
    {34, u"安徽省", "Anhui"},
    {35, u"福建省", "Fujian"},
    {36, u"江西省", "Jiangxi"},
    {37, u"山东省", "Shandong"},
    {41, u"河南省", "Henan"},
    {42, u"湖北省", "Hubei"},
    {43, u"湖南省", "Hunan"},
    {44, u"广东省", "Guangdong"},
    {45, u"广西壮族自治区", "Guangxi"},
    {46, u"海南省", "Hainan"},
    {50, u"重庆市", "Chongqing"},
    {51, u"四川省", "Sichuan"},
    {52, u"贵州省", "Guizhou"},
    {53, u"云南省", "Yunnan"},
    {54, u"西藏自治区", "Tibet"},
    {61, u"陕西省", "Shaanxi"},
    {62, u"甘肃省", "Gansu"},
    {63, u"青海省", "Qinghai"},
    {64, u"宁夏回族自治区", "Ningxia"},
    {65, u"新疆维吾尔自治区", "Xinjiang"},
    {71, u"台湾省", "Taiwan"},
    {81, u"香港特别行政区", "Hong Kong"},
    {82, u"澳门特别行政区", "Macao"},
}};

} // namespace

std::span<const Province> provinces()
{
    return kProvinces;
}

std::optional<Province> provinceByCode(int code)
{
    const auto it = std::lower_bound(kProvinces.begin(), kProvinces.end(), code,
                                     [](const Province& p, int c) { return p.code < c; });
    if (it == kProvinces.end() || it->code != code)
        return std::nullopt;
    return *it;
}

} // namespace validation
} // namespace pos
