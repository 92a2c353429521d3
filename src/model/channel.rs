//! Touchpoint channels: where a customer meets the brand.

use serde::{Deserialize, Serialize};

/// A touchpoint's channel and whether it is online.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Channel {
    /// Which channel.
    pub kind: ChannelKind,
    /// Online (digital) or offline (physical); defaults from the kind but may be changed.
    pub online: bool,
}

impl Channel {
    /// The channel with its usual online/offline flag.
    pub fn new(kind: ChannelKind) -> Self {
        let online = kind.usually_online();
        Self { kind, online }
    }
}

/// Common channels in Vietnamese and global marketing, or a custom one.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChannelKind {
    /// Facebook ads.
    FacebookAds,
    /// Zalo ads.
    ZaloAds,
    /// TikTok ads.
    TikTokAds,
    /// Google search or ads.
    GoogleSearch,
    /// YouTube video.
    YouTube,
    /// Organic social media posts and groups.
    SocialMedia,
    /// Influencer or KOL content.
    Influencer,
    /// The brand's website.
    Website,
    /// An online marketplace (Shopee, Lazada, Tiki).
    Marketplace,
    /// The brand's mobile app.
    MobileApp,
    /// A Zalo Mini App.
    ZaloMiniApp,
    /// Zalo Official Account.
    ZaloOa,
    /// Email.
    Email,
    /// SMS.
    Sms,
    /// Chatbot.
    Chatbot,
    /// Phone hotline.
    Hotline,
    /// Staff in a store.
    StoreStaff,
    /// The store itself.
    Store,
    /// QR code on a receipt or point-of-sale material.
    QrCode,
    /// Trade fair.
    TradeFair,
    /// Event.
    Event,
    /// E-voucher.
    EVoucher,
    /// Delivery.
    Delivery,
    /// Word of mouth: friends and family.
    WordOfMouth,
    /// A sales representative or account manager.
    SalesRep,
    /// Something else, named by the user.
    Custom(String),
}

impl ChannelKind {
    /// The built-in channels, in picker order (without `Custom`).
    pub const BUILT_IN: [Self; 25] = [
        Self::FacebookAds,
        Self::ZaloAds,
        Self::TikTokAds,
        Self::GoogleSearch,
        Self::YouTube,
        Self::SocialMedia,
        Self::Influencer,
        Self::Website,
        Self::Marketplace,
        Self::MobileApp,
        Self::ZaloMiniApp,
        Self::ZaloOa,
        Self::Email,
        Self::Sms,
        Self::Chatbot,
        Self::Hotline,
        Self::StoreStaff,
        Self::Store,
        Self::QrCode,
        Self::TradeFair,
        Self::Event,
        Self::EVoucher,
        Self::Delivery,
        Self::WordOfMouth,
        Self::SalesRep,
    ];

    /// Whether the channel is normally digital.
    pub fn usually_online(&self) -> bool {
        !matches!(
            self,
            Self::Hotline
                | Self::StoreStaff
                | Self::Store
                | Self::QrCode
                | Self::TradeFair
                | Self::Event
                | Self::Delivery
                | Self::WordOfMouth
                | Self::SalesRep
        )
    }

    /// The channel's name in English and Vietnamese.
    pub fn names(&self) -> (&str, &str) {
        match self {
            Self::FacebookAds => ("Facebook ads", "Quảng cáo Facebook"),
            Self::ZaloAds => ("Zalo ads", "Quảng cáo Zalo"),
            Self::TikTokAds => ("TikTok ads", "Quảng cáo TikTok"),
            Self::GoogleSearch => ("Google search", "Tìm kiếm Google"),
            Self::YouTube => ("YouTube", "YouTube"),
            Self::SocialMedia => ("Social media", "Mạng xã hội"),
            Self::Influencer => ("Influencer / KOL", "KOL / người ảnh hưởng"),
            Self::Website => ("Website", "Website"),
            Self::Marketplace => ("Marketplace", "Sàn thương mại điện tử"),
            Self::MobileApp => ("Mobile app", "Ứng dụng di động"),
            Self::ZaloMiniApp => ("Zalo Mini App", "Zalo Mini App"),
            Self::ZaloOa => ("Zalo OA", "Zalo OA"),
            Self::Email => ("Email", "Email"),
            Self::Sms => ("SMS", "SMS"),
            Self::Chatbot => ("Chatbot", "Chatbot"),
            Self::Hotline => ("Hotline", "Tổng đài"),
            Self::StoreStaff => ("Store staff", "Nhân viên cửa hàng"),
            Self::Store => ("Store", "Cửa hàng"),
            Self::QrCode => ("QR code (receipt/POSM)", "Mã QR (hoá đơn/POSM)"),
            Self::TradeFair => ("Trade fair", "Hội chợ"),
            Self::Event => ("Event", "Sự kiện"),
            Self::EVoucher => ("E-voucher", "E-voucher"),
            Self::Delivery => ("Delivery", "Giao hàng"),
            Self::WordOfMouth => ("Word of mouth", "Truyền miệng"),
            Self::SalesRep => ("Sales rep", "Nhân viên kinh doanh"),
            Self::Custom(name) => (name.as_str(), name.as_str()),
        }
    }

    /// The channel's name in the given language (`vi` or anything else for English).
    pub fn name(&self, lang: &str) -> &str {
        let (en, vi) = self.names();
        if lang.starts_with("vi") { vi } else { en }
    }
}
